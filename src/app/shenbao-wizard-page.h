/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shenbao.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_WIZARD_PAGE (shenbao_wizard_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (ShenbaoWizardPage, shenbao_wizard_page, SHENBAO, WIZARD_PAGE, AdwBin)

/* One step of the wizard. A page edits part of an application and shows the
 * rules' verdict on its fields; the wizard asks it which findings it owns to
 * mark its step complete or in error. */
struct _ShenbaoWizardPageClass
{
  AdwBinClass parent_class;

  /* The application changed (bind its fields); NULL unbinds. */
  void     (*bind)         (ShenbaoWizardPage    *self,
                            ShenbaoApplication   *application);
  void     (*show_verdict) (ShenbaoWizardPage    *self,
                            const ShenbaoVerdict *verdict);
  gboolean (*owns_field)   (ShenbaoWizardPage    *self,
                            const char           *field);
  /* The checks of an attached file are ready (slot), or every slot's may
   * have changed (NULL): for the pages that show them. */
  void     (*attachment_checked) (ShenbaoWizardPage *self,
                                  const char        *slot);
};

ShenbaoApplication *shenbao_wizard_page_get_application (ShenbaoWizardPage    *self);
void                shenbao_wizard_page_set_application (ShenbaoWizardPage    *self,
                                                         ShenbaoApplication   *application);
void                shenbao_wizard_page_show_verdict    (ShenbaoWizardPage    *self,
                                                         const ShenbaoVerdict *verdict);
gboolean            shenbao_wizard_page_owns_field      (ShenbaoWizardPage    *self,
                                                         const char           *field);

/* Shows a toast in the wizard around the page; returns it (owned by the
 * overlay) so that a caller can add a button, or NULL outside a wizard. */
/* The wizard's checker of attached files, shared by its pages. */
ShenbaoAttachmentChecker *shenbao_wizard_page_get_checker (ShenbaoWizardPage        *self);
void                      shenbao_wizard_page_set_checker (ShenbaoWizardPage        *self,
                                                           ShenbaoAttachmentChecker *checker);
AdwToast           *shenbao_wizard_page_toast           (ShenbaoWizardPage    *self,
                                                         const char           *title);
/* The fields the candidate has left or passed by (the wizard's, shared by
 * its pages): an empty required field says so only there, so that a new
 * form is not covered in red. */
void                shenbao_wizard_page_set_touched     (ShenbaoWizardPage    *self,
                                                         GHashTable           *touched);
gboolean            shenbao_wizard_page_finding_shown   (ShenbaoWizardPage    *self,
                                                         const ShenbaoFinding *finding);
/* Shows a toast made by the caller (with a button, a priority), taking it. */
AdwToast           *shenbao_wizard_page_add_toast       (ShenbaoWizardPage    *self,
                                                         AdwToast             *toast);

/* The same from any widget inside a page (a section of it). */
AdwToast           *shenbao_wizard_page_toast_near      (GtkWidget            *inside,
                                                         const char           *title);
AdwToast           *shenbao_wizard_page_add_toast_near  (GtkWidget            *inside,
                                                         AdwToast             *toast);
/* A toast saying where files were written, with a button that opens the
 * folder. It is what the candidate waits for: it goes before the toasts
 * queued. */
AdwToast           *shenbao_wizard_page_toast_folder    (GtkWidget            *inside,
                                                         const char           *title,
                                                         GFile                *folder);
/* Asks for a folder (modal to inside's window) and calls chosen with its
 * path when one is chosen; inside is kept alive meanwhile. */
typedef void (*ShenbaoFolderChosen) (GtkWidget  *inside,
                                     const char *path,
                                     gpointer    data);
void                shenbao_wizard_page_choose_folder   (GtkWidget            *inside,
                                                         const char           *title,
                                                         ShenbaoFolderChosen   chosen,
                                                         gpointer              data);

G_END_DECLS
