package spell

import "testing"

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"abc", "", 3}, {"kitten", "sitting", 3}, {"vc-delete-cm-cv", "vc-delete-cm-vc", 2}} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestNearest(t *testing.T) {
	cands := []string{"vc-delete-cm-vc", "vc-use-after-close", "irql-above-max", "irql-below-min"}
	for word, want := range map[string]string{
		"vc-delete-cm-cv":    "vc-delete-cm-vc",    // two edits
		"VC-USE-AFTER-CLOSE": "vc-use-after-close", // case only
		"irql-above-min":     "irql-above-max",     // the only one two edits away
		"nothing-like-it":    "",
	} {
		if got := Nearest(word, cands); got != want {
			t.Errorf("Nearest(%q) = %q, want %q", word, got, want)
		}
	}
	if got := Nearest("rule-z", []string{"rule-x", "rule-y"}); got != "" {
		t.Errorf("Nearest with two candidates one edit away = %q, want none", got)
	}
}
