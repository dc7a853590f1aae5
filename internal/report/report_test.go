package report_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/ndislint/ndislint/analyzers/checks"
	"github.com/ndislint/ndislint/internal/report"
	"github.com/ndislint/ndislint/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sampleSrc is the file the sample findings are in; "é" makes byte and
// code-point columns differ after it.
const sampleSrc = `package p

func f() {
	s := "é"; g(s)
	//ndislint:ignore vc-delete-cm-vc the call manager's VC is ours here
	h()
}
`

// sample writes sampleSrc into dir and returns a Result with findings in
// reverse order: one with a related position, a fix and a suppression
// (converted by FromDiagnostic from a real diagnostic), one plain, and an
// error.
func sample(t *testing.T, dir string) *report.Result {
	t.Helper()
	file := filepath.Join(dir, "p", "p.go")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(sampleSrc), 0o644); err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, sampleSrc, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	calls := callsOf(f)        // g(s), h()
	directive := f.Comments[0] // the //ndislint:ignore
	d := analysis.Diagnostic{
		Pos: calls[1].Pos(), End: calls[1].End(), Category: "vc-delete-cm-vc",
		Message: "h deletes a VC the call manager created (vc-delete-cm-vc)",
		Related: []analysis.RelatedInformation{
			{Pos: calls[0].Pos(), End: calls[0].End(), Message: "the VC [from] here"},
			{Pos: directive.Pos(), End: directive.End(), Message: checks.IgnoredMarker + "the call manager's VC is ours here"},
		},
		SuggestedFixes: []analysis.SuggestedFix{{Message: "remove the call", TextEdits: []analysis.TextEdit{
			{Pos: calls[1].Pos(), End: calls[1].End(), NewText: nil},
			{Pos: calls[0].Pos(), NewText: []byte("ä()\n\t")},
		}}},
	}
	plain := analysis.Diagnostic{Pos: calls[0].Pos(), Category: "irql-above-max", Message: "g called at DISPATCH_LEVEL"}
	return &report.Result{
		Findings: []report.Finding{
			report.FromDiagnostic(fset, "vclifetime", "example.com/p", d),
			report.FromDiagnostic(fset, "irql", "example.com/p", plain),
		},
		Errors: []string{file + ":4:2: undefined: g", "pattern ./nosuch: no Go files"},
		Summary: &report.Summary{
			Rules: []report.RuleResult{
				{Rule: "irql-above-max", Status: report.StatusDefect, Defects: 1},
				{Rule: "vc-delete-cm-vc", Status: report.StatusPass},
				{Rule: "completed-twice", Status: report.StatusNotApplicable, Reason: "no handler pends"},
			},
			Packages: []report.PackageRoles{{Package: "example.com/p", Roles: []string{"ProtocolCoDeleteVc"}}},
		},
	}
}

// callsOf returns f's call expressions in source order.
func callsOf(f *ast.File) []*ast.CallExpr {
	var calls []*ast.CallExpr
	ast.Inspect(f, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			calls = append(calls, c)
		}
		return true
	})
	return calls
}

// TestFromDiagnostic checks positions, the related position, the fix and
// the suppression taken from the ignored marker.
func TestFromDiagnostic(t *testing.T) {
	res := sample(t, t.TempDir())
	f := res.Findings[0]
	if f.Rule != "vc-delete-cm-vc" || f.Pass != "vclifetime" || f.Package != "example.com/p" {
		t.Errorf("rule, pass, package = %q, %q, %q", f.Rule, f.Pass, f.Package)
	}
	// h() is on line 6, columns 2 to 5, bytes 85 to 88.
	want := report.Position{File: f.Pos.File, Line: 6, Col: 2, EndLine: 6, EndCol: 5, Offset: strings.Index(sampleSrc, "h()"), EndOffset: strings.Index(sampleSrc, "h()") + 3}
	if f.Pos != want {
		t.Errorf("pos = %+v, want %+v", f.Pos, want)
	}
	if len(f.Related) != 1 || f.Related[0].Message != "the VC [from] here" || f.Related[0].Pos.Line != 4 || f.Related[0].Pos.Col != 13 {
		t.Errorf("related = %+v, want one at 4:13 (g(s), after a two-byte é)", f.Related)
	}
	if f.Suppressed == nil || f.Suppressed.Justification != "the call manager's VC is ours here" || f.Suppressed.Pos.Line != 5 {
		t.Errorf("suppressed = %+v, want the directive's justification at line 5", f.Suppressed)
	}
	if len(f.Fixes) != 1 || len(f.Fixes[0].Edits) != 2 {
		t.Fatalf("fixes = %+v, want one with two edits", f.Fixes)
	}
	ins := f.Fixes[0].Edits[1]
	if ins.Pos.Offset != ins.Pos.EndOffset || ins.Pos.EndLine != 4 || ins.NewText != "ä()\n\t" {
		t.Errorf("insertion = %+v, want an empty span at g(s)", ins)
	}
	if p := res.Findings[1].Pos; p.EndLine != 0 || p.EndCol != 0 || p.EndOffset != 0 {
		t.Errorf("a point has an end: %+v", p)
	}
}

// TestWritersGolden compares each writer's bytes with testdata, and checks
// that writing twice, or from findings in another order, gives the same
// bytes.
func TestWritersGolden(t *testing.T) {
	dir := t.TempDir()
	res := sample(t, dir)
	tool := report.Tool{Name: "ndislint", Version: "v1.2.3", Commit: "abc123", InfoURI: "https://github.com/ndislint/ndislint"}
	writers := map[string]func(*report.Result) []byte{
		"text": func(r *report.Result) []byte {
			var b bytes.Buffer
			must(t, report.WriteText(&b, r, report.TextOptions{BaseDir: dir}))
			return b.Bytes()
		},
		"json": func(r *report.Result) []byte {
			var b bytes.Buffer
			must(t, report.WriteJSON(&b, r))
			return b.Bytes()
		},
		"sarif": func(r *report.Result) []byte {
			var b bytes.Buffer
			must(t, report.WriteSARIF(&b, r, tool, report.SARIFOptions{SrcRoot: dir}))
			return b.Bytes()
		},
	}
	reversed := *res
	reversed.Findings = []report.Finding{res.Findings[1], res.Findings[0]}
	for name, write := range writers {
		got := write(res)
		if again := write(&reversed); !bytes.Equal(got, again) {
			t.Errorf("%s: the order of Result.Findings changes the output", name)
		}
		if res.Findings[0].Rule != "vc-delete-cm-vc" {
			t.Fatalf("%s: the writer reordered the caller's Result", name)
		}
		golden(t, name, bytes.ReplaceAll(got, []byte(dir), []byte("$DIR")))
	}
}

// golden compares got with testdata/sample.<name>, or rewrites it with
// -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "sample."+name)
	if *update {
		must(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s output differs from %s (go test -update rewrites it):\n%s", name, path, got)
	}
}

// must fails the test on err.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestSARIFShape decodes the SARIF and checks what the golden file could
// hide: one rule per registered rule, ruleIndex pointing at the result's
// rule, code-point columns, the suppression, the notification's location.
func TestSARIFShape(t *testing.T) {
	dir := t.TempDir()
	var b bytes.Buffer
	must(t, report.WriteSARIF(&b, sample(t, dir), report.Tool{Name: "ndislint", Version: "(devel)"}, report.SARIFOptions{SrcRoot: dir}))
	var log sarifLog
	must(t, json.Unmarshal(b.Bytes(), &log))
	run := log.Runs[0]
	all := rules.AllRules()
	if len(run.Tool.Driver.Rules) != len(all) {
		t.Fatalf("%d rules, want %d", len(run.Tool.Driver.Rules), len(all))
	}
	if run.Tool.Driver.Version != "0.0.0-devel" || run.Tool.Driver.SemanticVersion != "0.0.0-devel" {
		t.Errorf("version %q, semanticVersion %q for (devel)", run.Tool.Driver.Version, run.Tool.Driver.SemanticVersion)
	}
	for _, r := range run.Results {
		if got := run.Tool.Driver.Rules[r.RuleIndex].ID; got != r.RuleID {
			t.Errorf("result %s has ruleIndex %d, rule %s", r.RuleID, r.RuleIndex, got)
		}
	}
	// Sorted: g(s) at 4:13 first (code-point column 12), then h().
	first, second := run.Results[0], run.Results[1]
	if c := first.Locations[0].PhysicalLocation.Region.StartColumn; c != 12 {
		t.Errorf("g(s) starts at code-point column %d, want 12", c)
	}
	if len(second.Suppressions) != 1 || second.Suppressions[0].Kind != "inSource" || second.Suppressions[0].Justification == "" {
		t.Errorf("suppressions %+v", second.Suppressions)
	}
	if len(first.Suppressions) != 0 || first.Suppressions == nil {
		t.Errorf("an unsuppressed result has suppressions %+v, want []", first.Suppressions)
	}
	if flow := second.CodeFlows[0].ThreadFlows[0].Locations; len(flow) != 2 || flow[1].Location.PhysicalLocation.Region.StartLine != 6 {
		t.Errorf("code flow %+v, want the related position then the finding", flow)
	}
	del := second.Fixes[0].ArtifactChanges[0].Replacements[1].DeletedRegion
	if want := len([]rune(sampleSrc[:strings.Index(sampleSrc, "g(s)")])); del.CharOffset != want || del.CharLength != 0 {
		t.Errorf("insertion at charOffset %d length %d, want %d, 0", del.CharOffset, del.CharLength, want)
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 2 || len(inv.ToolExecutionNotifications[0].Locations) != 1 || len(inv.ToolExecutionNotifications[1].Locations) != 0 {
		t.Errorf("invocation %+v: want unsuccessful, two notifications, the first located", inv)
	}
	if got := run.Properties.Summary.Rules["completed-twice"]; got != "not applicable (no handler pends)" {
		t.Errorf("summary of completed-twice: %q", got)
	}
}

// sarifLog is what TestSARIFShape reads back.
type sarifLog struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Version, SemanticVersion string
				Rules                    []struct{ ID string }
			}
		}
		Invocations []struct {
			ExecutionSuccessful        bool
			ToolExecutionNotifications []struct{ Locations []sarifLoc }
		}
		Results []struct {
			RuleID       string
			RuleIndex    int
			Locations    []sarifLoc
			Suppressions []struct{ Kind, Justification string }
			CodeFlows    []struct {
				ThreadFlows []struct{ Locations []struct{ Location sarifLoc } }
			}
			Fixes []struct {
				ArtifactChanges []struct {
					Replacements []struct {
						DeletedRegion struct{ CharOffset, CharLength int }
					}
				}
			}
		}
		Properties struct {
			Summary struct{ Rules map[string]string }
		}
	}
}

// sarifLoc is a SARIF location as TestSARIFShape reads it.
type sarifLoc struct {
	PhysicalLocation struct {
		Region struct{ StartLine, StartColumn int }
	}
}

// TestRulesDocUpToDate fails when docs/rules.md is not what go generate
// writes.
func TestRulesDocUpToDate(t *testing.T) {
	have, err := os.ReadFile("../../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(have, report.RulesMarkdown()) {
		t.Error("docs/rules.md is stale: run go generate ./internal/report")
	}
	for _, r := range rules.AllRules() {
		if !bytes.Contains(have, []byte("\n## "+r.ID+"\n")) {
			t.Errorf("docs/rules.md has no heading for %s", r.ID)
		}
	}
}

// TestWriteTextSource: with Source, each position is followed by its
// lines and Context lines around them, numbered, as go vet -c prints.
func TestWriteTextSource(t *testing.T) {
	src := map[string]string{"a.go": "l1\nl2\nl3\nl4\nl5\n"}
	res := &report.Result{Findings: []report.Finding{{
		Rule: "r-x", Pos: report.Position{File: "a.go", Line: 3, Col: 1}, Message: "m (r-x)",
		Related: []report.Related{{Pos: report.Position{File: "a.go", Line: 1, Col: 1}, Message: "rel"}},
	}}}
	var b strings.Builder
	read := func(name string) ([]byte, error) { return []byte(src[name]), nil }
	must(t, report.WriteText(&b, res, report.TextOptions{Source: true, Context: 1, ReadFile: read}))
	want := "a.go:3:1: m (r-x)\n2\tl2\n3\tl3\n4\tl4\na.go:1:1: \trel\n1\tl1\n2\tl2\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}
