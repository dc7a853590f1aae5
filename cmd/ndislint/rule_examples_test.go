package main

import (
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/ndislint/ndislint/rules"
)

// This file makes every rule's documentation executable: the Wrong and Right
// examples that 'ndislint help RULE' prints (rules.Rule.Wrong and Right, in
// rules/registry_*.go) must compile; the Wrong example must be reported with
// its rule and no other, and the Right example must not be reported at all.
//
// Each example becomes one package of a scratch module, built as the
// rules.Rule doc comment describes: examplePrelude, the exampleStubs the
// example calls without declaring, and the example itself, either as
// declarations or, when it is statements, as the body of exampleFunc. All
// packages are loaded at once and every pass of passes() runs over them.

// examplePrelude declares the context types the examples share, one line
// each as the rules.Rule doc comment shows them. It holds no behaviour: what
// a rule depends on is in the example.
const examplePrelude = `type vc struct { ndisVcHandle ndis.Handle; createdByCM bool; lock ndis.SpinLock; connected, closing bool }
type party struct{ closed bool }
type client struct { lock ndis.SpinLock; closing bool; count int }
`

// exampleFunc holds an example made of statements. It has no role and no
// contract: the passes know neither the IRQL it runs at nor where v and c
// come from.
const exampleFunc = "func example(v *vc, c *client) {\n%s\n}\n"

// exampleStubs are the functions the examples call without declaring them;
// each is added to the examples that call it and do not declare it. They do
// nothing; a stub named after a callback declares its role.
var exampleStubs = map[string]string{
	"clCloseCallComplete": "//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE\n" +
		"func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {}\n",
	"clCloseAfComplete": "//ndis:role PROTOCOL_CL_CLOSE_AF_COMPLETE\n" +
		"func clCloseAfComplete(status ndis.Status, protocolAfContext ndis.Handle) {}\n",
	"clDeregisterSapComplete": "//ndis:role PROTOCOL_CL_DEREGISTER_SAP_COMPLETE\n" +
		"func clDeregisterSapComplete(status ndis.Status, protocolSapContext ndis.Handle) {}\n",
	"coActivateVc": "//ndis:role MINIPORT_CO_ACTIVATE_VC\n" +
		"func coActivateVc(miniportVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {\n" +
		"\treturn ndis.StatusSuccess\n}\n",
	"coDeactivateVc": "//ndis:role MINIPORT_CO_DEACTIVATE_VC\n" +
		"func coDeactivateVc(miniportVcContext ndis.Handle) ndis.Status {\n\treturn ndis.StatusSuccess\n}\n",
	"genericComplete": "func genericComplete(status ndis.Status, context ndis.Handle) {}\n",
	"allocate":        "func allocate(h ndis.Handle) {}\n",
	"freeVc":          "func freeVc(v *vc) {}\n",
}

// uncompilable lists the examples ("RULE/wrong" or "RULE/right") that are
// fragments no package can hold, each with the reason; they are compiled but
// not linted. The test fails when one of them compiles after all. Keep it
// empty: an example that does not compile documents nothing executable.
var uncompilable = map[string]string{}

// example is one Wrong or Right example of a rule, as a package.
type example struct {
	rule  *rules.Rule
	kind  string   // "wrong" or "right"
	text  string   // the example as 'ndislint help' prints it
	file  string   // the package's only file
	first int      // the line of file that holds the example's first line
	stubs []string // the stubs added
}

// key names an example in uncompilable and in messages.
func (e *example) key() string { return e.rule.ID + "/" + e.kind }

// pkgPath is the example's package in the scratch module.
func (e *example) pkgPath() string { return "example.com/scratch/" + e.rule.ID + "/" + e.kind }

// newExample builds the package file of one example.
func newExample(r *rules.Rule, kind, text string) *example {
	e := &example{rule: r, kind: kind, text: strings.Trim(text, "\n")}
	var b strings.Builder
	b.WriteString("package ex\n\nimport (\n\t\"github.com/ndislint/ndislint/ndis\"\n")
	if strings.Contains(e.text, "wdm.") {
		b.WriteString("\t\"github.com/ndislint/ndislint/wdm\"\n")
	}
	b.WriteString(")\n\n")
	b.WriteString(examplePrelude)
	names := make([]string, 0, len(exampleStubs))
	for name := range exampleStubs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		called := regexp.MustCompile(`\b` + name + `\b`).MatchString(e.text)
		declared := regexp.MustCompile(`\bfunc ` + name + `\(`).MatchString(e.text)
		if called && !declared {
			b.WriteString("\n" + exampleStubs[name])
			e.stubs = append(e.stubs, name)
		}
	}
	b.WriteString("\n")
	if isDecls(e.text) {
		e.first = strings.Count(b.String(), "\n") + 1
		b.WriteString(e.text + "\n")
	} else {
		e.first = strings.Count(b.String(), "\n") + 2
		fmt.Fprintf(&b, exampleFunc, e.text)
	}
	e.file = b.String()
	return e
}

// isDecls reports whether an example is package-level declarations (it
// parses as the body of a Go file) rather than statements.
func isDecls(src string) bool {
	_, err := parser.ParseFile(token.NewFileSet(), "", "package ex\n"+src, parser.SkipObjectResolution)
	return err == nil
}

// where tells where a file line is: a line of the example, or of what the
// test added around it.
func (e *example) where(line int) string {
	n, lines := line-e.first+1, strings.Count(e.text, "\n")+1
	switch {
	case n >= 1 && n <= lines:
		return fmt.Sprintf("example line %d", n)
	case n == lines+1 && !isDecls(e.text):
		return "the end of func example"
	}
	return fmt.Sprintf("line %d of the generated file, outside the example", line)
}

// TestRuleExamples compiles and lints the Wrong and Right example of every
// rule a static pass reports (unused-ignore, which every pass reports,
// included), all in one load: the Wrong example is reported with its rule
// (at least once) and no other; the Right example is not reported.
func TestRuleExamples(t *testing.T) {
	doc, err := os.ReadFile("../../rules/registry.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(strings.TrimSpace(examplePrelude), "\n") {
		if !strings.Contains(string(doc), "//\t"+l+"\n") {
			t.Errorf("the rules.Rule doc comment in rules/registry.go does not show the prelude's\n\t%s", l)
		}
	}
	static := map[string]bool{rules.EveryPass: true}
	for _, a := range passes() {
		static[a.Name] = true
	}
	var examples []*example
	files := map[string]string{}
	stubUsed := map[string]bool{}
	for _, r := range rules.AllRules() {
		if !static[r.Pass] {
			if r.Pass != rules.PassVerifier {
				t.Errorf("%s: its pass %q is not among passes(), so its examples are not checked", r.ID, r.Pass)
			}
			continue
		}
		for _, kind := range []string{"wrong", "right"} {
			text := r.Wrong
			if kind == "right" {
				text = r.Right
			}
			if strings.TrimSpace(text) == "" {
				t.Errorf("%s: no %s example", r.ID, kind)
				continue
			}
			e := newExample(r, kind, text)
			examples = append(examples, e)
			files[r.ID+"/"+kind+"/ex.go"] = e.file
			for _, s := range e.stubs {
				stubUsed[s] = true
			}
		}
	}
	for name := range exampleStubs {
		if !stubUsed[name] {
			t.Errorf("no example calls the stub %s: remove it from exampleStubs", name)
		}
	}
	for key := range uncompilable {
		id, _, _ := strings.Cut(key, "/")
		if r := rules.LookupRule(id); r == nil || !static[r.Pass] {
			t.Errorf("uncompilable lists %s, which is no example of a rule a static pass reports", key)
		}
	}

	dir := scratchModule(t, files)
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  dir,
		Env:  append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]*packages.Package{}
	for _, p := range pkgs {
		byPath[p.PkgPath] = p
	}
	var lint []*packages.Package // the packages of the examples that compile
	for _, e := range examples {
		p := byPath[e.pkgPath()]
		why, listed := uncompilable[e.key()]
		switch {
		case p == nil:
			t.Errorf("%s: package %s not loaded", e.key(), e.pkgPath())
		case len(p.Errors) > 0 && !listed:
			var msgs []string
			for _, err := range p.Errors {
				msgs = append(msgs, "\t"+err.Error())
			}
			t.Errorf("%s: the example does not compile:\n%s\n%s", e.key(), strings.Join(msgs, "\n"), numbered(e.file))
		case len(p.Errors) > 0:
			t.Logf("%s: not linted: %s", e.key(), why)
		case listed:
			t.Errorf("%s: the example compiles now; remove it from uncompilable (%s)", e.key(), why)
		default:
			lint = append(lint, p)
		}
	}
	if len(lint) == 0 {
		t.Fatal("no example compiles")
	}

	g, err := checker.Analyze(passes(), lint, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]analysis.Diagnostic{} // package path -> diagnostics
	fset := map[string]*token.FileSet{}       // package path -> its file set
	for act := range g.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
		}
		fset[act.Package.PkgPath] = act.Package.Fset
		got[act.Package.PkgPath] = append(got[act.Package.PkgPath], act.Diagnostics...)
	}
	linted := 0
	for _, e := range examples {
		path := e.pkgPath()
		if fset[path] == nil {
			continue // not compiled; said above
		}
		linted++
		diags := got[path]
		report := func() string {
			var b strings.Builder
			for _, d := range diags {
				fmt.Fprintf(&b, "\t%s: %s\n", e.where(fset[path].Position(d.Pos).Line), d.Message)
			}
			return b.String() + "in:\n" + numbered(e.text)
		}
		switch e.kind {
		case "wrong":
			hits, others := 0, 0
			for _, d := range diags {
				if d.Category == e.rule.ID {
					hits++
				} else {
					others++
				}
			}
			if hits == 0 || others > 0 {
				t.Errorf("%s: want reports of %s and no other rule, got %d:\n%s", e.key(), e.rule.ID, len(diags), report())
			}
		case "right":
			if len(diags) > 0 {
				t.Errorf("%s: want no report, got %d:\n%s", e.key(), len(diags), report())
			}
		}
	}
	if linted != len(examples) {
		t.Logf("%d of %d examples linted", linted, len(examples))
	}
}

// numbered returns src with line numbers, for failure messages.
func numbered(src string) string {
	var b strings.Builder
	for i, l := range strings.Split(strings.TrimRight(src, "\n"), "\n") {
		fmt.Fprintf(&b, "\t%3d  %s\n", i+1, l)
	}
	return b.String()
}
