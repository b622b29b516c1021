// exceljs.js re-saves a workbook with ExcelJS (npm exceljs), as web tools
// built on it do.
const ExcelJS = require('exceljs');
const [, , input, output] = process.argv;
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  await wb.xlsx.writeFile(output);
})().catch((e) => { console.error(e); process.exit(1); });
