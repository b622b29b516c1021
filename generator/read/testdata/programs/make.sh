#!/bin/sh
# make.sh re-makes the workbooks of this folder from source/finance.fods with
# the programs finance exports from: LibreOffice (soffice), Gnumeric
# (ssconvert), SheetJS (npm xlsx) and ExcelJS (npm exceljs). The tests read
# the committed files and need none of these programs. README.md says which
# version wrote each file.
#
#   NODE_MODULES=/path/to/node_modules ./make.sh
set -eu
cd "$(dirname "$0")"
NODE_MODULES=${NODE_MODULES:-/work/tools/node_modules}
lo() { soffice --headless --convert-to "$1" --outdir "$2" source/finance.fods >/dev/null; }

mkdir -p libreoffice libreoffice-csv gnumeric sheetjs exceljs
lo xlsx libreoffice
lo 'xlsm:Calc MS Excel 2007 VBA XML' libreoffice
lo xls libreoffice
lo ods libreoffice
# "Save cell contents as shown" (9th option), every sheet to its own file (12th)
lo 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' libreoffice-csv
# Gnumeric reads LibreOffice's .ods (it cannot read the flat source)
ssconvert libreoffice/finance.ods gnumeric/finance.xlsx 2>/dev/null
# SheetJS and ExcelJS re-save LibreOffice's .xlsx, as a web tool would. TZ=UTC
# makes SheetJS write each date cell's wall-clock time with a "Z".
TZ=UTC NODE_PATH="$NODE_MODULES" node sheetjs.js libreoffice/finance.xlsx sheetjs/finance.xlsx
TZ=UTC NODE_PATH="$NODE_MODULES" node exceljs.js libreoffice/finance.xlsx exceljs/finance.xlsx
