package directives

import (
	"testing"
)

func TestNearestRule(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"directive-malformd", "directive-malformed"},
		{"ignore-missing-reasons", "ignore-missing-reason"},
		{"no-such-rule", ""},
		{"", ""},
	} {
		if got := nearestRule(c.in); got != c.want {
			t.Errorf("nearestRule(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
