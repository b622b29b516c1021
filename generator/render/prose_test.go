package render

import "testing"

func TestProseReason(t *testing.T) {
	tests := []struct{ in, want string }{
		{"go-live 2026-11-20 falls in Peak season 2026 (2026-11-15 – 2026-12-31); category transform",
			"its go-live on 20 Nov 2026 falls in Peak season 2026 (15 Nov – 31 Dec 2026)"},
		{"go-live 2026-01-03 falls in Year-end change freeze 2025 (2025-12-15 – 2026-01-05); category run",
			"its go-live on 3 Jan 2026 falls in Year-end change freeze 2025 (15 Dec 2025 – 5 Jan 2026)"},
		{"M-04 at 90.8 in 2026-09: progress -15.6% from baseline 91.5 to target 96, no progress since go-live 2025-10-20",
			"M-04 at 90.8 in Sep 2026: progress -15.6% from baseline 91.5 to target 96, no progress since go-live 20 Oct 2025"},
		{"High risk with a Big Bang rollout.", "High risk with a Big Bang rollout"},
	}
	for _, tt := range tests {
		if got := proseReason(tt.in); got != tt.want {
			t.Errorf("proseReason(%q)\n = %q\nwant %q", tt.in, got, tt.want)
		}
	}
}
