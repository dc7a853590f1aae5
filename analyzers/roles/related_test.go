package roles_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ndislint/ndislint/analyzers/roles"
)

// TestCutListsInRelated: a message names at most three items of a list;
// the related information then has one entry per item, so nothing is lost.
// Sixteen missing slots give sixteen slot entries (and the registration),
// exactly three give three and "and N more" nowhere; a slot whose
// signature five roles share names three and relates the other two.
func TestCutListsInRelated(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), roles.Analyzer,
		"example.com/t/mandatory", "example.com/t/mandatorycm", "example.com/t/undeclaredmcm")
	var diags []analysis.Diagnostic
	for _, r := range results {
		diags = append(diags, r.Diagnostics...)
	}
	for _, tc := range []struct {
		msg     string // a part of the message that picks the diagnostic
		prefix  string // the related entries counted
		want    int
		unnamed string // an item the message does not name but an entry does
	}{
		{"without 16 mandatory handlers", " is mandatory: ", 16, "CmDeregisterSapHandler (PROTOCOL_CM_DEREGISTER_SAP) is mandatory"},
		{"without 3 mandatory handlers", " is mandatory: ", 3, ""},
		{"declares no role, and MINIPORT_CO_DEACTIVATE_VC", " also has this signature", 2, "PROTOCOL_CM_DEREGISTER_SAP also has this signature"},
	} {
		d := find(t, diags, tc.msg)
		if d == nil {
			continue
		}
		n, found := 0, tc.unnamed == ""
		for _, rel := range d.Related {
			if strings.Contains(rel.Message, tc.prefix) {
				n++
				if !rel.Pos.IsValid() {
					t.Errorf("%s: related entry %q has no position", tc.msg, rel.Message)
				}
			}
			found = found || strings.HasPrefix(rel.Message, tc.unnamed)
		}
		if n != tc.want || !found {
			t.Errorf("%s: %d related entries with %q (want %d), %q among them: %v; related: %+v", tc.msg, n, tc.prefix, tc.want, tc.unnamed, found, d.Related)
		}
		if strings.Count(d.Message, "(PROTOCOL_")+strings.Count(d.Message, "(MINIPORT_") > 3 {
			t.Errorf("message names more than three items: %s", d.Message)
		}
	}
}

// find returns the one diagnostic whose message contains part.
func find(t *testing.T, diags []analysis.Diagnostic, part string) *analysis.Diagnostic {
	t.Helper()
	var out *analysis.Diagnostic
	for i := range diags {
		if strings.Contains(diags[i].Message, part) {
			if out != nil {
				t.Errorf("two diagnostics contain %q", part)
			}
			out = &diags[i]
		}
	}
	if out == nil {
		t.Errorf("no diagnostic contains %q", part)
	}
	return out
}
