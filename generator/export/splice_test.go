package export

import (
	"bytes"
	"testing"

	"github.com/opsalign/opsalign/generator/model"
)

// TestSpliceSameBytes: the spliced rows are byte for byte what the
// StreamWriter writes, on hostile text and awkward numbers; a sheet with
// text excelize escapes (_xHHHH_) takes the StreamWriter.
func TestSpliceSameBytes(t *testing.T) {
	hostile := []string{
		" leading space", "trailing space ", "\tTab", "line\nfeed", "cr\r\nlf", "trail\n",
		`<b>&amp;"quoted" 'single'</b>`, "é ü 日本 😀", "bad \xff utf-8", "ctl \x01\x7f",
		"=1+1", "plain", "under_score", "a]]>b",
	}
	numbers := []float64{1.0 / 3, 1e-7, 123456.789, 1e21, 2.5e-300, 42, 123456789.123456789, -2.0 / 3}
	tests := []struct {
		name  string
		extra string // appended to every hostile text
	}{
		{"simple", ""},
		{"escaped by excelize", " _x0041_ _x005F_x0041_"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := scorecard()
			base := sc.Initiatives[0]
			for i, h := range hostile {
				in := base
				in.ID, in.Name, in.BusinessUnit = "INI-H"+h, h+tt.extra, h
				n := numbers[i%len(numbers)]
				in.Budget, in.Spend = n, &n
				in.Checks = []model.CheckResult{{ID: model.CheckOutcomeLinked, Principle: 1, Result: model.Pass, Reason: h + tt.extra}}
				sc.Initiatives = append(sc.Initiatives, in)
			}
			for i, n := range numbers {
				m := sc.Metrics[0]
				m.ID, m.Name, m.Baseline, m.Target = "M-N", hostile[i], n, -n
				sc.Metrics = append(sc.Metrics, m)
			}
			spliced, err := workbook(sc, true)
			if err != nil {
				t.Fatal(err)
			}
			streamed, err := workbook(sc, false)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(spliced, streamed) {
				t.Errorf("spliced workbook (%d bytes) differs from the streamed one (%d bytes)", len(spliced), len(streamed))
			}
		})
	}
}
