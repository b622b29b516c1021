// sheetjs.js re-saves a workbook with SheetJS (npm xlsx) as web tools built
// on it do: every text cell as t="str", dates as ISO date cells (cellDates).
// The Opened cell of INC0001 is written as a serial number beside the ISO
// date cell of its Resolved: tools that build cells by hand mix the two.
const XLSX = require('xlsx');
const [, , input, output] = process.argv;
const wb = XLSX.readFile(input, {cellDates: true});
const inc = wb.Sheets['Incidents'];
inc['B2'] = {t: 'n', v: 46113.375, z: 'yyyy-mm-dd hh:mm:ss'}; // 2026-04-01 09:00
XLSX.writeFile(wb, output, {bookType: 'xlsx', cellDates: true});
