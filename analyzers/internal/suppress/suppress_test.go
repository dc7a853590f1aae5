package suppress

import (
	"reflect"
	"testing"

	"github.com/ndislint/ndislint/analyzers/internal/directive"
)

func TestParseIgnore(t *testing.T) {
	for _, tc := range []struct {
		args   string
		rules  []string
		reason string
	}{
		{"vc-delete-cm-vc the CM never deletes this VC", []string{"vc-delete-cm-vc"}, "the CM never deletes this VC"},
		{"vc-use-after-close,vc-delete-cm-vc both fine here", []string{"vc-use-after-close", "vc-delete-cm-vc"}, "both fine here"},
		{"vc-delete-cm-vc", []string{"vc-delete-cm-vc"}, ""},
		{"", nil, ""},
	} {
		rules, reason := ParseIgnore(directive.Directive{Tool: "ndislint", Name: "ignore", Args: tc.args})
		if !reflect.DeepEqual(rules, tc.rules) || reason != tc.reason {
			t.Errorf("ParseIgnore(%q) = %q, %q; want %q, %q", tc.args, rules, reason, tc.rules, tc.reason)
		}
	}
}
