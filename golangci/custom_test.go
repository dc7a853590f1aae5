package golangci

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// TestCustomGolangciLint builds a custom golangci-lint from the repository's
// .custom-gcl.yml with `golangci-lint custom`, offline but for the Go module
// proxy (see build_test.go), runs it with example.golangci.yml on
// ./examples/... and checks that it reports what the passes report
// in-process: each finding once, at the same position, with the same text
// and its related positions folded into the message; and that the checks
// setting turns a rule off.
func TestCustomGolangciLint(t *testing.T) {
	if testing.Short() {
		t.Skip("builds golangci-lint twice (minutes when the caches are cold); run without -short")
	}
	root := repoRoot(t)
	bin := customBinary(t, root)

	want := inProcessFindings(t, root)
	if len(want) == 0 {
		t.Fatal("the passes found nothing in ./examples/...: nothing to compare")
	}

	t.Run("all", func(t *testing.T) {
		got := runCustom(t, bin, root, filepath.Join(root, "golangci", "example.golangci.yml"))
		compareFindings(t, got, want)
	})

	t.Run("checks", func(t *testing.T) {
		off := ruleToDrop(want)
		t.Logf("checks: all,-%s", off)
		cfg := withChecks(t, "all,-"+off)
		got := runCustom(t, bin, root, cfg)
		var rest []finding
		for _, f := range want {
			if f.rule != off {
				rest = append(rest, f)
			}
		}
		if len(rest) == len(want) {
			t.Fatalf("rule %s has no finding to drop", off)
		}
		compareFindings(t, got, rest)
	})

	t.Run("bad checks", func(t *testing.T) {
		cfg := withChecks(t, "all,-no-such-rule")
		out, err := runFailing(t, bin, root, cfg)
		if err == nil {
			t.Fatalf("golangci-lint ran with checks \"all,-no-such-rule\":\n%s", out)
		}
		if want := `no rule matches "no-such-rule"`; !strings.Contains(out, want) {
			t.Errorf("the error does not say %s:\n%s", want, out)
		}
	})
}

// finding is one issue, as golangci-lint prints it.
type finding struct {
	pos  string // FILE:LINE:COL, FILE relative to the repository root
	text string // "PASS: MESSAGE [related: ...] (RULE)"
	rule string // the rule ID the text ends with
}

// ruleSuffix is the " (RULE)" every ndislint message ends with.
var ruleSuffix = regexp.MustCompile(`\(([a-z0-9]+(?:-[a-z0-9]+)*)\)$`)

// ruleOf returns the rule ID text ends with, or "".
func ruleOf(text string) string {
	if m := ruleSuffix.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	return ""
}

// inProcessFindings runs the passes over ../examples/... (tests included,
// as golangci-lint's run.tests) with go/analysis's checker and returns
// their diagnostics as golangci-lint should print them: the message
// prefixed by the pass's name (golangci-lint's form for an analyzer whose
// name is not the linter's) and folded by Fold. A finding of a package and
// of its test variant counts once.
func inProcessFindings(t *testing.T, root string) []finding {
	t.Helper()
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: root, Tests: true}
	pkgs, err := packages.Load(cfg, "./examples/...")
	if err != nil {
		t.Fatal(err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		t.Fatalf("%d errors loading ./examples/...", n)
	}
	graph, err := checker.Analyze(Passes(), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[finding]bool{}
	var out []finding
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatalf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
		}
		for _, d := range act.Diagnostics {
			d = Fold(act.Package.Fset.Position, d)
			p := act.Package.Fset.Position(d.Pos)
			f := finding{
				pos:  fmt.Sprintf("%s:%d:%d", relTo(t, root, p.Filename), p.Line, p.Column),
				text: act.Analyzer.Name + ": " + d.Message,
				rule: d.Category,
			}
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	sortFindings(out)
	return out
}

// relTo returns file relative to root, slash-separated.
func relTo(t *testing.T, root, file string) string {
	t.Helper()
	rel, err := filepath.Rel(root, file)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.ToSlash(rel)
}

// gclOutput is the part of golangci-lint's JSON output the test reads.
type gclOutput struct {
	Issues []struct {
		FromLinter string
		Text       string
		Pos        struct {
			Filename     string
			Line, Column int
		}
	}
}

// parseIssues reads golangci-lint's JSON output into findings, failing on
// an issue of another linter.
func parseIssues(t *testing.T, data []byte) []finding {
	t.Helper()
	var out gclOutput
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("golangci-lint's JSON: %v\n%s", err, data)
	}
	var fs []finding
	for _, is := range out.Issues {
		if is.FromLinter != Name {
			t.Errorf("issue from linter %q, want only %q: %s", is.FromLinter, Name, is.Text)
			continue
		}
		fs = append(fs, finding{
			pos:  fmt.Sprintf("%s:%d:%d", filepath.ToSlash(is.Pos.Filename), is.Pos.Line, is.Pos.Column),
			text: is.Text,
			rule: ruleOf(is.Text),
		})
	}
	sortFindings(fs)
	return fs
}

// compareFindings fails unless got and want hold the same findings, each
// once, and every finding of want that has related positions carries them
// in its text (want was folded by Fold).
func compareFindings(t *testing.T, got, want []finding) {
	t.Helper()
	count := map[finding]int{}
	for _, f := range got {
		count[f]++
		if count[f] == 2 {
			t.Errorf("reported more than once: %s: %s", f.pos, f.text)
		}
		if f.rule == "" {
			t.Errorf("no rule ID at the end of %s: %s", f.pos, f.text)
		}
	}
	wanted := map[finding]bool{}
	for _, f := range want {
		wanted[f] = true
		if count[f] == 0 {
			t.Errorf("missing: %s: %s", f.pos, f.text)
		}
	}
	for f := range count {
		if !wanted[f] {
			t.Errorf("unexpected: %s: %s", f.pos, f.text)
		}
	}
	folded := 0
	for _, f := range got {
		if strings.Contains(f.text, " [related: ") {
			folded++
		}
	}
	t.Logf("%d findings, %d with related positions in the message", len(got), folded)
}

// ruleToDrop picks the rule of the first finding with related positions
// (so dropping it also shows they go with it), else of the first finding.
func ruleToDrop(want []finding) string {
	for _, f := range want {
		if strings.Contains(f.text, " [related: ") {
			return f.rule
		}
	}
	return want[0].rule
}

// withChecks writes a copy of example.golangci.yml whose checks setting is
// spec and returns its path.
func withChecks(t *testing.T, spec string) string {
	t.Helper()
	data, err := os.ReadFile("example.golangci.yml")
	if err != nil {
		t.Fatal(err)
	}
	const line = `checks: "all"`
	if !strings.Contains(string(data), line) {
		t.Fatalf("example.golangci.yml has no line %s to change", line)
	}
	edited := strings.Replace(string(data), line, fmt.Sprintf("checks: %q", spec), 1)
	p := filepath.Join(t.TempDir(), ".golangci.yml")
	if err := os.WriteFile(p, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// sortFindings orders fs by position, then text.
func sortFindings(fs []finding) {
	sort.Slice(fs, func(i, j int) bool {
		if fs[i].pos != fs[j].pos {
			return fs[i].pos < fs[j].pos
		}
		return fs[i].text < fs[j].text
	})
}
