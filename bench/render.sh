#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders a full print package (checklist, application form twice, work
# commitment letter, fill-in guide: 6 A4 pages) with shenbao-cli, and an
# equivalent HTML document of the same pages and tables, which this script
# writes, with LibreOffice (soffice --headless --convert-to pdf). Prints the
# median wall time and CPU time (user + system of the processes it started)
# of each over RUNS runs (after one warm-up run each), the ratios, and the PDF
# sizes side by side. On a shared machine the CPU times are the ones to
# compare: the wall times also count waiting for a core.
#   bench/render.sh [APP.xml]     RUNS=9 bench/render.sh
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
app=${1:-$top/tests/fixtures/condition1.xml}
runs=${RUNS:-9}
cli=$top/build/src/cli/shenbao-cli

[ -x "$cli" ] || "$top/build-aux/setup.sh"
# LibreOffice is the yardstick only, so it is not in build-aux/debian-packages.txt.
if ! command -v soffice >/dev/null 2>&1; then
  echo "render.sh: installing libreoffice-writer-nogui for the comparison" >&2
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libreoffice-writer-nogui >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# What the build tree's programs need to find their data, translations,
# schema and face detector module: the one list meson devenv keeps. Its
# dump appends to these two, which must be set under set -u.
: "${XDG_DATA_DIRS=}" "${GSETTINGS_SCHEMA_DIR=}"
eval "$(meson devenv -C "$top/build" --dump)"

now_ms() { date +%s%N | cut -c1-13; }

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# One run of a command: its wall and CPU milliseconds, the CPU time being the
# user + system time of the process and of the children it waited for, to the
# microsecond (the shell's times builtin counts ticks of 10 ms).
time_ms() {
  python3 - "$@" <<'EOF'
import os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, _, usage = os.wait4(child.pid, 0)
print(int((time.perf_counter() - start) * 1000), int((usage.ru_utime + usage.ru_stime) * 1000))
EOF
}

# The HTML twin of the print package: the same six pages, tables and texts,
# in the same faces; the fill-in guide's values in red.
form_table() {
  v=$1   # "yes": the values of the fill-in guide
  val() { [ "$v" = yes ] && printf '<span class="v">%s</span>' "$1" || printf '&#160;'; }
  cat <<EOF
<h1 class="b">北京市职业技能认定申报表</h1>
<table border="1" cellspacing="0" cellpadding="4">
<tr><td class="l">姓名</td><td>$(val 张三)</td><td class="l">身份证号</td><td>$(val 110105199003071239)</td></tr>
<tr><td class="l" rowspan="3">现有职业资格证书</td><td class="l">职业(工种)名称</td><td colspan="2">$(val 无需填写)</td></tr>
<tr><td class="l">级　别</td><td colspan="2">$(val 无需填写)</td></tr>
<tr><td class="l">编　号</td><td colspan="2">$(val 无需填写)</td></tr>
<tr><td class="l">申报职业名称</td><td>$(val 互联网营销师)</td><td class="l">申报级别</td><td>$(val 四级)</td></tr>
<tr><td class="l">申报条件</td><td colspan="3">$(val 累计从事本职业或相关职业工作满5年。)<br/>______________________________________________</td></tr>
<tr><td class="l">学历</td><td colspan="3">专科及以上学历需提供学信网验证码：$(val 无需填写)</td></tr>
<tr><td class="l" rowspan="2">个人承诺内容<br/><small>（请根据报名条件对应填写，与自己报名条件无关承诺内容无需填写）</small></td>
<td class="l">工作经历</td><td colspan="2">本人于__$(val 2018)__年__$(val 3)__月—__$(val 2026)__年__$(val 11)__月，在__$(val 北京某某网络科技有限公司)__（工作单位），____年____月——____年____月，从事__$(val 营销员)__（职业、工种），共__$(val 8.8)__年。本人承诺以上信息真实有效。<br/>本人签名：__$(val 张三)__　__$(val 2026)__年__$(val 11)__月__$(val 28)__日</td></tr>
<tr><td class="l">技工院校、职业院校学历</td><td colspan="2">本人于____年____月—____年____月，在______________（院校名称）就读，所学专业为__________，本人承诺以上信息真实有效。<br/>本人签名：________　____年____月____日</td></tr>
</table>
<p class="n">填表说明：一、此表必须由申请人本人填写，内容要具体、真实，字迹工整。<br/>二、填写从事职业（工种）时，涉及：“本职业”时，所填写的职业（工种）必须与申报职业名称一致。如涉及“相关职业”时，需要与《国家职业技能标准》标注一致。查询网址：http://biaozhun.osta.org.cn/<br/>三、请按照报名条件填写相应内容，与自己报名条件无关经历无需填写。<br/>四、该表格为一次性填写提交，不可修改。以下情况视为申报表填写无效：<br/>　　1、申报表有涂改、破损的；2、申报表所填写信息不完整、错误的；3、申报表经查证后，承诺内容为虚假信息的。</p>
EOF
}

letter() {
  v=$1
  val() { [ "$v" = yes ] && printf '<span class="v">%s</span>' "$1" || printf '__________'; }
  cat <<EOF
<h1 class="b">个人工作经历承诺书</h1>
<p class="t">　　本人姓名：$(val 张三)，身份证号：$(val 110105199003071239)，现申请参加$(val 互联网营销师)（职业/工种）四级职业技能等级认定，本人自$(val 2018)年$(val 3)月至$(val 2026)年$(val 11)月累计从事本职业（相关职业）工作共$(val 8.8)年。</p>
<p class="t">　　本人承诺上述填报的信息真实、准确，如有虚假本人愿承担由此造成的一切后果。</p>
<p class="c">承诺人签名（手写）：$(val 张三)<br/>联系电话（手机）：$(val 13800138000)<br/>日期：$(val 2026)年$(val 11)月$(val 28)日</p>
EOF
}

{
  cat <<'EOF'
<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"/><title>北京市职业技能认定申报表</title>
<style>
@page { size: 210mm 297mm; margin: 12mm 15mm 10mm 15mm; }
body { font-family: "AR PL SungtiL GB"; font-size: 10.5pt; }
h1 { text-align: center; font-size: 16pt; }
table { width: 100%; border-collapse: collapse; }
td { border: 0.6pt solid black; padding: 1mm; height: 8mm; }
td.l { text-align: center; }
.v { font-family: "AR PL KaitiM GB"; color: #d00000; font-size: 13pt; }
.n { font-size: 8pt; }
.t { font-size: 13pt; line-height: 11mm; }
.c { font-size: 13pt; line-height: 12mm; margin-left: 73mm; }
h1.b { page-break-before: always; }
</style></head><body>
<h1>报名材料清单与邮寄单</h1>
<p>考生：张三　　申报职业：互联网营销师（四级）<br/>申报条件：（1）累计从事本职业或相关职业工作满5年。</p>
<p><b>一、网上报名上传的材料（证件信息上传）</b></p>
<table border="1" cellspacing="0" cellpadding="4">
<tr><td>完成</td><td>上传栏目</td><td>材料与要求</td><td>邮寄原件</td></tr>
<tr><td>☐</td><td>身份证人像面</td><td>身份证人像面照片：拍摄清晰，证件上无杂物、污渍，且在有效期内。</td><td>—</td></tr>
<tr><td>☐</td><td>身份证国徽面</td><td>身份证国徽面照片：拍摄清晰，证件上无杂物、污渍，且在有效期内。</td><td>—</td></tr>
<tr><td>☐</td><td>个人照片</td><td>白底个人一寸电子证件照：JPG格式，40k-80k；不得翻拍身份证照片、过度美颜或比例错误。</td><td>—</td></tr>
<tr><td>☐</td><td>工作经历承诺书</td><td>工作经历承诺书：按《填写参照》手写（不可涂改），拍照上传。</td><td>1份</td></tr>
<tr><td>☐</td><td>申报表</td><td>申报表：按《填写参照》手写（不可涂改），拍照上传，字迹工整。</td><td>2份</td></tr>
</table>
<p><b>二、邮寄纸质原件</b><br/>报名资质通过审核并完成考试缴费的考生，须在考试报名期限内将北京市职业技能认定申报表（一式两份）、工作经历/个人学历承诺书邮寄至指定地址，逾期未完成邮寄的，将视为放弃考试资格。</p>
<table border="1" cellspacing="0" cellpadding="4">
<tr><td>☐</td><td colspan="2">申报表</td><td>2份</td></tr>
<tr><td>☐</td><td colspan="2">工作经历承诺书</td><td>1份</td></tr>
<tr><td>收件人</td><td>史老师</td><td>联系电话</td><td>19910226328</td></tr>
<tr><td>收件地址</td><td colspan="3">北京市石景山区玉泉路63号远洋时代广场313</td></tr>
<tr><td>寄件人</td><td>张三</td><td>联系电话</td><td>13800138000</td></tr>
</table>
<p><b>三、打印与填写</b><br/>☐ 本清单之后依次是：申报表两份、承诺书、填写参照。<br/>☐ 申报表及各承诺书的所有内容需用黑色签字笔手写，且不可涂改；请参照《填写参照》中的红字填写。<br/>☐ 申报条件一栏需完整手抄所选申报条件原文。<br/>☐ 所有签字日期写同一天。<br/>☐ 《填写参照》仅供参照，不可提交、不可邮寄。</p>
EOF
  form_table no
  form_table no
  letter no
  form_table yes
  echo '<p class="v">填写参照（红字为应手写的内容）·请勿提交本页　参照样例 请勿提交</p>'
  letter yes
  echo '<p class="v">参照样例 请勿提交</p>'
  echo '</body></html>'
} > "$work/print-package.html"

profile="file://$work/lo-profile"
# Each prints its wall and CPU milliseconds.
shenbao_run() { time_ms "$cli" render "$app" --out "$work/shenbao" --document print-package; }
shenbao_all() { time_ms "$cli" render "$app" --out "$work/shenbao-all"; }
office_run() {
  time_ms soffice -env:UserInstallation="$profile" --headless --convert-to pdf:writer_web_pdf_Export \
    --outdir "$work/office" "$work/print-package.html"
}

# Warm-up: the caches of the fonts and, for LibreOffice, its user profile.
shenbao_run >/dev/null 2>&1
office_run >/dev/null 2>&1

: > "$work/shenbao.times"; : > "$work/all.times"; : > "$work/office.times"
i=0
while [ $i -lt "$runs" ]; do
  shenbao_run >> "$work/shenbao.times"
  shenbao_all >> "$work/all.times"
  office_run >> "$work/office.times"
  i=$((i + 1))
done

shenbao=$(cut -d' ' -f1 "$work/shenbao.times" | median)
all=$(cut -d' ' -f1 "$work/all.times" | median)
office=$(cut -d' ' -f1 "$work/office.times" | median)
shenbao_cpu=$(cut -d' ' -f2 "$work/shenbao.times" | median)
all_cpu=$(cut -d' ' -f2 "$work/all.times" | median)
office_cpu=$(cut -d' ' -f2 "$work/office.times" | median)
shenbao_size=$(stat -c %s "$work/shenbao/print-package.pdf")
office_size=$(stat -c %s "$work/office/print-package.pdf")
shenbao_pages=$(pdfinfo "$work/shenbao/print-package.pdf" | awk '/^Pages:/ { print $2 }')
office_pages=$(pdfinfo "$work/office/print-package.pdf" | awk '/^Pages:/ { print $2 }')

echo "application: $app, medians of $runs runs"
printf '%-44s %8s ms wall %8s ms CPU %9s bytes %3s pages\n' "shenbao-cli render --document print-package" \
  "$shenbao" "$shenbao_cpu" "$shenbao_size" "$shenbao_pages"
printf '%-44s %8s ms wall %8s ms CPU\n' "shenbao-cli render (all five PDFs)" "$all" "$all_cpu"
printf '%-44s %8s ms wall %8s ms CPU %9s bytes %3s pages\n' "soffice --convert-to pdf (HTML twin)" \
  "$office" "$office_cpu" "$office_size" "$office_pages"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / (b > 0 ? b : 1) }'; }
echo "ratio (LibreOffice / Shenbao, print package): $(ratio "$office" "$shenbao")× wall, $(ratio "$office_cpu" "$shenbao_cpu")× CPU"
