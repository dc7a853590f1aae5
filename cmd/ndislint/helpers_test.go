package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// tool is the ndislint binary TestMain builds for the command-level tests.
var tool string

// TestMain builds the command once into a temporary directory.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "ndislint-cmdtest")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	tool = filepath.Join(dir, "ndislint")
	out, err := exec.Command("go", "build", "-o", tool, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "building ndislint: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// repoRoot is the root of this checkout.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// scratchModule writes a module example.com/scratch into a temporary
// directory: files (slash-separated path -> content), a go.mod requiring
// github.com/ndislint/ndislint through a replace to this checkout, and the
// checkout's go.sum. It returns the module directory.
func scratchModule(t *testing.T, files map[string]string) string {
	t.Helper()
	root := repoRoot(t)
	dir := t.TempDir()
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	all := map[string]string{
		"go.mod": "module example.com/scratch\n\ngo 1.26\n\n" +
			"require github.com/ndislint/ndislint v0.0.0\n\n" +
			"replace github.com/ndislint/ndislint => " + root + "\n",
		"go.sum": string(sum),
	}
	for name, src := range files {
		all[name] = src
	}
	for name, src := range all {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// result is what a command printed and its exit status.
type result struct {
	stdout, stderr string
	code           int
}

// String shows a result in failure messages.
func (r result) String() string {
	return fmt.Sprintf("exit status %d\n--- stdout:\n%s--- stderr:\n%s", r.code, r.stdout, r.stderr)
}

// run runs name with args in dir, in module mode with go.mod updates
// allowed, and returns its output and exit status. It fails the test if
// the command cannot be started.
func run(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("running %s %s: %v", name, strings.Join(args, " "), err)
	}
	return r
}

// ndislint runs the built command in dir.
func ndislint(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return run(t, dir, tool, args...)
}

// goVet runs go vet with ndislint as its vet tool in dir; args come after
// -vettool.
func goVet(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return run(t, dir, "go", append([]string{"vet", "-vettool=" + tool}, args...)...)
}

// finding is one diagnostic of text output, "file:line:col: message",
// with the related-information lines printed after it ("file:line:col:
// \tnote").
type finding struct {
	file       string
	line, col  int
	message    string
	rawLineOut string
	related    []string
}

var findingRE = regexp.MustCompile(`^(\S+\.go):(\d+):(\d+): (.*)$`)

// findings parses the diagnostics of text output (standalone stderr or go
// vet's), skipping other lines.
func findings(out string) []finding {
	var fs []finding
	for _, l := range strings.Split(out, "\n") {
		m := findingRE.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		if strings.HasPrefix(m[4], "\t") && len(fs) > 0 {
			last := &fs[len(fs)-1]
			last.related = append(last.related, l)
			continue
		}
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		fs = append(fs, finding{file: filepath.ToSlash(m[1]), line: line, col: col, message: m[4], rawLineOut: l})
	}
	return fs
}

// in returns the findings whose file ends with the slash-separated suffix.
func in(fs []finding, suffix string) []finding {
	var out []finding
	for _, f := range fs {
		if strings.HasSuffix(f.file, suffix) {
			out = append(out, f)
		}
	}
	return out
}

// lineOf returns the 1-based line of src containing marker.
func lineOf(t *testing.T, src, marker string) int {
	t.Helper()
	for i, l := range strings.Split(src, "\n") {
		if strings.Contains(l, marker) {
			return i + 1
		}
	}
	t.Fatalf("marker %q not in source", marker)
	return 0
}

// ruleIDRE matches the rule ID every finding ends with.
var ruleIDRE = regexp.MustCompile(` \(([a-z0-9]+(-[a-z0-9]+)+)\)$`)

// ruleOf returns the rule ID at the end of a finding's message, or "".
func ruleOf(f finding) string {
	m := ruleIDRE.FindStringSubmatch(f.message)
	if m == nil {
		return ""
	}
	return m[1]
}
