package goplscompat

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ndislint/ndislint/rules"
)

// diag is one finding as file:line:col and message, with its related
// positions in the same form.
type diag struct {
	pos, msg string
	related  []string
}

func (d diag) key() string { return d.pos + ": " + d.msg }

// TestGoplsCheck builds gopls with the passes through editors/buildgopls
// and checks that `gopls check` on the example drivers' files shows the
// findings `ndislint -json -test=false` gives for their packages, each
// with its related positions, and no other finding of a catalogued rule.
func TestGoplsCheck(t *testing.T) {
	if testing.Short() {
		t.Skip("builds gopls (minutes)")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	gopls := filepath.Join(bin, "gopls")
	start := time.Now()
	run(t, root, goEnv(), "go", "run", "./editors/buildgopls", "-o", gopls)
	t.Logf("buildgopls: %v", time.Since(start).Round(time.Millisecond))

	dirs, files := exampleFiles(t, root)
	want := ndislintFindings(t, root, bin, dirs)

	start = time.Now()
	out := runOutput(t, root, append([]string{"check"}, files...), gopls)
	t.Logf("gopls check on %d files of %d packages: %v", len(files), len(dirs), time.Since(start).Round(time.Millisecond))
	if len(want) == 0 {
		t.Fatal("ndislint reports nothing on the examples: the test would prove nothing")
	}
	for _, p := range compare(want, parseGoplsCheck(out)) {
		t.Error(p)
	}
	t.Logf("%d findings, %d related positions compared", len(want), countRelated(want))
}

// exampleFiles returns the example packages' directories (as ./examples/x)
// and the absolute paths of their non-test Go files.
func exampleFiles(t *testing.T, root string) (dirs, files []string) {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join(root, "examples", "*", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range matches {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		files = append(files, f)
		rel, err := filepath.Rel(root, filepath.Dir(f))
		if err != nil {
			t.Fatal(err)
		}
		if d := "./" + filepath.ToSlash(rel); !slices.Contains(dirs, d) {
			dirs = append(dirs, d)
		}
	}
	if len(files) == 0 {
		t.Fatal("no example files under examples/*/")
	}
	return dirs, files
}

// ndislintFindings builds the command and returns what its -json output
// reports on the packages, keyed by diag.key.
func ndislintFindings(t *testing.T, root, bin string, pkgs []string) map[string]diag {
	t.Helper()
	exe := filepath.Join(bin, "ndislint")
	run(t, root, goEnv(), "go", "build", "-o", exe, "./cmd/ndislint")
	out := runOutput(t, root, append([]string{"-json", "-test=false"}, pkgs...), exe)
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("ndislint -json: %v\n%s", err, out)
	}
	type jsonDiag struct {
		Posn, Message string
		Related       []struct{ Posn, Message string }
	}
	want := map[string]diag{}
	for pkg, passes := range tree {
		for pass, raw := range passes {
			var ds []jsonDiag
			if err := json.Unmarshal(raw, &ds); err != nil {
				t.Fatalf("ndislint -json: %s %s: %s", pkg, pass, raw)
			}
			for _, d := range ds {
				nd := diag{pos: d.Posn, msg: d.Message}
				for _, r := range d.Related {
					nd.related = append(nd.related, r.Posn+": "+r.Message)
				}
				want[nd.key()] = nd
			}
		}
	}
	return want
}

// spanLine is a line of `gopls check`: a span (file:line:col, maybe with
// an end) and a message; related information's messages start with "- ".
var spanLine = regexp.MustCompile(`^(.+?:\d+:\d+)(?:-\d+(?::\d+)?)?: (.*)$`)

// parseGoplsCheck reads `gopls check` output into diagnostics keyed by
// diag.key, related lines attached to the diagnostic before them; a line
// that is no span continues the message before it.
func parseGoplsCheck(out string) map[string]diag {
	got := map[string]diag{}
	var list []*diag
	for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		m := spanLine.FindStringSubmatch(line)
		switch {
		case m == nil && len(list) > 0:
			list[len(list)-1].msg += "\n" + line
		case m != nil && strings.HasPrefix(m[2], "- ") && len(list) > 0:
			last := list[len(list)-1]
			last.related = append(last.related, m[1]+": "+strings.TrimPrefix(m[2], "- "))
		case m != nil:
			list = append(list, &diag{pos: m[1], msg: m[2]})
		}
	}
	for _, d := range list {
		got[d.key()] = *d
	}
	return got
}

// ruleID returns the catalogued rule ID a message ends with, in
// parentheses, or "".
func ruleID(msg string) string {
	i := strings.LastIndex(msg, " (")
	if i < 0 || !strings.HasSuffix(msg, ")") {
		return ""
	}
	id := msg[i+2 : len(msg)-1]
	if rules.LookupRule(id) == nil {
		return ""
	}
	return id
}

// compare returns how got differs from want: a wanted finding missing, or
// missing one of its related positions, or a finding of a catalogued rule
// that is not wanted.
func compare(want, got map[string]diag) []string {
	var problems []string
	for _, k := range sortedKeys(want) {
		g, ok := got[k]
		if !ok {
			problems = append(problems, "gopls check does not show "+k)
			continue
		}
		for _, r := range want[k].related {
			if !slices.Contains(g.related, r) {
				problems = append(problems, fmt.Sprintf("gopls check shows %s without its related %s (it has %q)", k, r, g.related))
			}
		}
	}
	for _, k := range sortedKeys(got) {
		if _, ok := want[k]; !ok && ruleID(got[k].msg) != "" {
			problems = append(problems, fmt.Sprintf("gopls check shows %s, which ndislint does not report", k))
		}
	}
	return problems
}

func countRelated(m map[string]diag) int {
	n := 0
	for _, d := range m {
		n += len(d.related)
	}
	return n
}

func sortedKeys(m map[string]diag) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// goEnv is the environment of the go commands the tests run.
func goEnv() []string {
	return append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
}

// runOutput runs exe with args in dir and returns its standard output; an
// exit status of 3 (findings) is not a failure.
func runOutput(t *testing.T, dir string, args []string, exe string) string {
	t.Helper()
	cmd := exec.Command(exe, args...)
	cmd.Dir = dir
	cmd.Env = goEnv()
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 3 {
		err = nil
	}
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", exe, strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}
