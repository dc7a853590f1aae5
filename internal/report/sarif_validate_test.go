package report_test

import (
	"bytes"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/analyzers/suite"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/ndislint/ndislint/analyzers/checks"
	"github.com/ndislint/ndislint/internal/report"
	"github.com/ndislint/ndislint/internal/sarifvalidate"
)

// passes are ndislint's analyzers, as cmd/ndislint/passes.go lists them.
var passes = suite.Passes()

// TestSARIFValidates runs the passes over the examples (with one finding
// of examples/mistakes suppressed through an overlay and -show-ignored, and
// a real type error), writes SARIF and has Microsoft's sarif-multitool
// validate it: 0 errors and 0 warnings. It needs NDISLINT_SARIF_MULTITOOL
// (the binary .ci/run installs); without it the test skips, unless CI is
// set.
func TestSARIFValidates(t *testing.T) {
	tool := os.Getenv("NDISLINT_SARIF_MULTITOOL")
	if tool == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("CI is set but NDISLINT_SARIF_MULTITOOL is not: .ci/run installs @microsoft/sarif-multitool and sets it")
		}
		t.Skip("NDISLINT_SARIF_MULTITOOL is not set")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	res := examplesResult(t, root)
	res.Errors = append(res.Errors, typeError(t))
	checkExamplesResult(t, res)
	res.Summary = summaryOf(res.Findings)

	dir := t.TempDir()
	in := filepath.Join(dir, "ndislint.sarif")
	var buf bytes.Buffer
	if err := report.WriteSARIF(&buf, res, report.Tool{Name: "ndislint", Version: "(devel)", Commit: "0123456789abcdef"}, report.SARIFOptions{SrcRoot: root}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, issue := range validate(t, tool, in, filepath.Join(dir, "validation.sarif")) {
		t.Errorf("sarif-multitool: %s", issue)
	}
}

// examplesResult runs the passes over the three example packages, with the
// line of examples/mistakes/seed.go that deletes the call manager's VC
// preceded (through an overlay) by an //ndislint:ignore, and returns the
// findings.
func examplesResult(t *testing.T, root string) *report.Result {
	t.Helper()
	checks.SetShowIgnored(true)
	defer checks.SetShowIgnored(false)
	cfg := &packages.Config{
		Mode:    packages.LoadAllSyntax,
		Dir:     root,
		Env:     append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off"),
		Overlay: map[string][]byte{},
	}
	seed := filepath.Join(root, "examples", "mistakes", "seed.go")
	cfg.Overlay[seed] = ignoreAbove(t, seed, "CoDeleteVc(", "vc-delete-cm-vc kept to show a suppression in SARIF")
	pkgs, err := packages.Load(cfg, "./examples/client", "./examples/callmanager", "./examples/mistakes")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the examples do not load")
	}
	g, err := checker.Analyze(passes, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	res := &report.Result{}
	for act := range g.All() {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		if !act.IsRoot {
			continue
		}
		for _, d := range act.Diagnostics {
			res.Findings = append(res.Findings, report.FromDiagnostic(act.Package.Fset, act.Analyzer.Name, act.Package.ID, d))
		}
	}
	return res
}

// ignoreAbove returns file's content with an //ndislint:ignore line
// inserted above the first line containing marker.
func ignoreAbove(t *testing.T, file, marker, directive string) []byte {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(src), "\n")
	for i, l := range lines {
		if strings.Contains(l, marker) {
			indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
			lines = append(lines[:i], append([]string{indent + "//ndislint:ignore " + directive + "\n"}, lines[i:]...)...)
			return []byte(strings.Join(lines, ""))
		}
	}
	t.Fatalf("%s has no line with %q", file, marker)
	return nil
}

// checkExamplesResult makes sure the Result exercises what SARIF must
// carry: findings, related positions, a suppression.
func checkExamplesResult(t *testing.T, res *report.Result) {
	t.Helper()
	var related, suppressed int
	for _, f := range res.Findings {
		related += len(f.Related)
		if f.Suppressed != nil {
			suppressed++
		}
	}
	t.Logf("%d findings, %d related positions, %d suppressed, %d errors", len(res.Findings), related, suppressed, len(res.Errors))
	if len(res.Findings) == 0 || related == 0 || suppressed == 0 {
		t.Fatalf("the examples gave %d findings, %d related positions, %d suppressed: want some of each", len(res.Findings), related, suppressed)
	}
}

// typeError type-checks a small broken file and returns go/types' error as
// a driver prints it: "file:line:col: message".
func typeError(t *testing.T) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "broken.go")
	src := "package broken\n\nvar x int = \"é\"\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, src, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = (&types.Config{Importer: importer.Default()}).Check("broken", fset, []*ast.File{f}, nil)
	if err == nil {
		t.Fatal("broken.go type-checks")
	}
	return err.Error()
}

// validate runs sarif-multitool validate on in and returns its errors and
// warnings, one line each. The validator's own run must have succeeded and
// have read in: a log with no results because it read nothing is a
// failure, not a pass.
func validate(t *testing.T, tool, in, out string) []string {
	t.Helper()
	rep, err := sarifvalidate.Validate(tool, in, out)
	if rep != nil {
		t.Logf("sarif-multitool validate:\n%s", rep.Output)
		for _, n := range rep.Notes {
			t.Logf("sarif-multitool: %s", n)
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	return rep.Issues
}

// summaryOf is a summary as the command makes one: each rule with findings
// is a defect, the others pass, but for one not applicable.
func summaryOf(fs []report.Finding) *report.Summary {
	defects := map[string]int{}
	for _, f := range fs {
		if f.Suppressed == nil {
			defects[f.Rule]++
		}
	}
	sum := &report.Summary{Packages: []report.PackageRoles{{Package: "github.com/ndislint/ndislint/examples/mistakes", Roles: []string{"ProtocolClCloseCallComplete"}}}}
	for _, id := range []string{"vc-delete-cm-vc", "irql-above-max", "completed-twice", "pending-never-completed"} {
		r := report.RuleResult{Rule: id, Status: report.StatusPass}
		if n := defects[id]; n > 0 {
			r.Status, r.Defects = report.StatusDefect, n
		}
		sum.Rules = append(sum.Rules, r)
	}
	sum.Rules[3] = report.RuleResult{Rule: "pending-never-completed", Status: report.StatusNotApplicable, Reason: "no handler pends"}
	return sum
}
