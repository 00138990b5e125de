/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shenbao-store.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_STORE_AUTOSAVE (shenbao_store_autosave_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoStoreAutosave, shenbao_store_autosave, SHENBAO, STORE_AUTOSAVE, GObject)

/* The watcher of one open application (shenbao_store_watch()): writes each
 * change of it to store as it is made, each in its own transaction, and
 * after a failed one the whole application. It holds neither: the store
 * owns it, and the application going away ends it
 * (shenbao_store_forget_autosave()). */
ShenbaoStoreAutosave *shenbao_store_autosave_new (ShenbaoStore       *store,
                                                  ShenbaoApplication *application);

G_END_DECLS
