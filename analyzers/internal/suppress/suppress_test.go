package suppress

import (
	"go/parser"
	"go/token"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

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
		{"vc-delete-cm-vc the CM, not us, deletes it", []string{"vc-delete-cm-vc"}, "the CM, not us, deletes it"},
		{"vc-delete-cm-vc", []string{"vc-delete-cm-vc"}, ""},
		{"", nil, ""},
		// A malformed rule list names no rule: the directive suppresses
		// nothing.
		{",, reason", nil, "reason"},
		{", reason", nil, "reason"},
		{",vc-delete-cm-vc reason", nil, "reason"},
		{"vc-delete-cm-vc, reason", nil, "reason"},
		{"vc-use-after-close,,vc-delete-cm-vc reason", nil, "reason"},
	} {
		rules, reason := ParseIgnore(directive.Directive{Tool: "ndislint", Name: "ignore", Args: tc.args})
		if !reflect.DeepEqual(rules, tc.rules) || reason != tc.reason {
			t.Errorf("ParseIgnore(%q) = %q, %q; want %q, %q", tc.args, rules, reason, tc.rules, tc.reason)
		}
	}
}

// TestNoSelfSuppression: an ignore does not cover a finding inside its own
// comment (its missing reason, an unknown rule in its list), and reports
// itself unused; it still covers the same rule's finding on the line below,
// and a finding of another rule on its own line outside the comment.
func TestNoSelfSuppression(t *testing.T) {
	src := "package p\n\nfunc f() {\n" +
		"\t//ndislint:ignore ignore-missing-reason\n" + // line 4: finding inside itself
		"\t_ = 0\n" +
		"\t//ndislint:ignore directive-unknown-rule,no-such-rule a reason\n" + // line 6
		"\t//ndislint:ignore no-such-rule-either covered by the line above\n" + // line 7
		"}\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	ds, bad := directive.Parse(f)
	if len(bad) != 0 {
		t.Fatalf("malformed: %+v", bad)
	}
	var got []string
	pass := &analysis.Pass{Fset: fset, Report: func(d analysis.Diagnostic) {
		got = append(got, fset.Position(d.Pos).String()+": "+d.Message)
	}}
	r := New(pass, []string{"ignore-missing-reason", "directive-unknown-rule"}, Ignores(fset, ds))
	at := func(line int, text string) token.Pos {
		tf := fset.File(f.Pos())
		off := strings.Index(src[tf.Offset(tf.LineStart(line)):], text)
		return tf.LineStart(line) + token.Pos(off)
	}
	r.Reportf("ignore-missing-reason", ds[0].Pos, ds[0].End, nil, "no reason")
	r.Reportf("directive-unknown-rule", at(6, "no-such-rule"), at(6, " a reason"), nil, "unknown rule")
	r.Reportf("directive-unknown-rule", at(7, "no-such-rule-either"), at(7, " covered"), nil, "unknown rule either")
	r.Finish()
	want := []string{
		"p.go:4:2: no reason (ignore-missing-reason)",
		"p.go:4:2: //ndislint:ignore ignore-missing-reason suppresses nothing here (unused-ignore)",
		"p.go:6:43: unknown rule (directive-unknown-rule)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("reported:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
