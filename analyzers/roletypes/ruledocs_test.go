package roletypes_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/rules"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/ndislint/ndislint/analyzers/roletypes"
)

// prelude declares what the rule examples of 'ndislint help' refer to.
const prelude = `package ex

import "github.com/ndislint/ndislint/ndis"

type vc struct {
	ndisVcHandle ndis.Handle
	closing      bool
}

type party struct{ closed bool }
`

// stubs are the functions the examples use without declaring them; each is
// added to an example that does not declare it.
var stubs = map[string]string{
	"allocate":                "func allocate(h ndis.Handle) {}\n",
	"genericComplete":         "func genericComplete(status ndis.Status, context ndis.Handle) {}\n",
	"clCloseAfComplete":       "func clCloseAfComplete(status ndis.Status, protocolAfContext ndis.Handle) {}\n",
	"clDeregisterSapComplete": "func clDeregisterSapComplete(status ndis.Status, protocolSapContext ndis.Handle) {}\n",
	"clCreateVc": "func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {\n" +
		"\treturn ndis.StatusNotSupported\n}\n",
}

// withStubs returns the stubs src needs.
func withStubs(src string) string {
	var b strings.Builder
	for name, stub := range stubs {
		if strings.Contains(src, name) && !strings.Contains(src, "func "+name+"(") {
			b.WriteString(stub)
		}
	}
	return b.String()
}

// illustrative lists the examples that are fragments, not code that
// compiles as a package: "// ... every ClXxx member".
var illustrative = map[string]bool{"role-missing-handler/right": true}

// TestRuleDocs checks the Wrong and Right examples 'ndislint help RULE'
// prints for the rules of this pass: each Wrong example is reported under
// its rule, no Right example is.
func TestRuleDocs(t *testing.T) {
	files := map[string]string{}
	for _, r := range rules.AllRules() {
		if r.Pass != rules.PassRoles {
			continue
		}
		for kind, src := range map[string]string{"wrong": r.Wrong, "right": r.Right} {
			if illustrative[r.ID+"/"+kind] {
				continue
			}
			name := strings.ReplaceAll(r.ID, "-", "") + kind
			files[name+"/ex.go"] = prelude + withStubs(src) + "\n" + wrapExample(src)
		}
	}
	dir := scratch(t, files)
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the examples do not compile")
	}
	g, err := checker.Analyze([]*analysis.Analyzer{roletypes.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]map[string]bool{} // package dir -> rule IDs
	for act := range g.All() {
		if !act.IsRoot || act.Analyzer != roletypes.Analyzer {
			continue
		}
		d := filepath.Base(act.Package.PkgPath)
		got[d] = map[string]bool{}
		for _, diag := range act.Diagnostics {
			got[d][diag.Category] = true
		}
	}
	for _, r := range rules.AllRules() {
		if r.Pass != rules.PassRoles {
			continue
		}
		base := strings.ReplaceAll(r.ID, "-", "")
		if !got[base+"wrong"][r.ID] {
			t.Errorf("%s: the Wrong example is not reported (got %v)", r.ID, got[base+"wrong"])
		}
		if !illustrative[r.ID+"/right"] && got[base+"right"][r.ID] {
			t.Errorf("%s: the Right example is reported", r.ID)
		}
	}
}

// wrapExample turns an example into package-level code: declarations stay,
// statements go into a function.
func wrapExample(src string) string {
	first := strings.TrimSpace(src)
	for _, p := range []string{"func ", "var ", "type ", "//"} {
		if strings.HasPrefix(first, p) {
			return src + "\n"
		}
	}
	return "func example(ndisHandle ndis.Handle) ndis.Status {\n" + src + "\nreturn ndis.StatusSuccess\n}\n"
}
