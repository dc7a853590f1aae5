package roles_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// This file runs the pass through the ndislint command, with every pass on,
// on a scratch module: the issue's cases are reported once each, a
// well-formed client is silent, and -fix applies both fixes so that the
// result builds and lints clean.

// fixable has one finding of each rule with a fix: a handler with no
// declared role in a slot other roles share, and registered structures with
// mandatory slots empty.
const fixable = `// Package fixable is a CoNDIS client with two fixable findings.
package fixable

import "github.com/ndislint/ndislint/ndis"

type af struct{ open bool }

// clCloseAfComplete forgets the AF.
func clCloseAfComplete(status ndis.Status, protocolAfContext ndis.Handle) {
	if a, ok := protocolAfContext.(*af); ok {
		a.open = false // closed
	}
}

// SetOptions registers the handlers.
//
//ndis:role SET_OPTIONS
func SetOptions(ndisDriverHandle, driverContext ndis.Handle) ndis.Status {
	co := ndis.ProtocolCoCharacteristics{}
	if st := ndis.SetOptionalHandlers(ndisDriverHandle, &co); st != ndis.StatusSuccess {
		return st
	}
	return ndis.SetOptionalHandlers(ndisDriverHandle, &ndis.CoClientOptionalHandlers{
		ClCloseAfCompleteHandler: clCloseAfComplete, // the AF
	})
}
`

// issue holds the issue's two reported cases: a PROTOCOL_CL_DROP_PARTY_COMPLETE
// in ClCloseAfCompleteHandler, and a ProtocolCoDeleteVc that returns
// NDIS_STATUS_PENDING (the vclifetime pass's vc-delete-handler-pends, which
// the roles pass must not report again).
const issue = `package issue

import "github.com/ndislint/ndislint/ndis"

//ndis:role PROTOCOL_CL_DROP_PARTY_COMPLETE
func clDropPartyComplete(status ndis.Status, protocolPartyContext ndis.Handle) {}

//ndis:role PROTOCOL_CO_DELETE_VC
func clDeleteVc(protocolVcContext ndis.Handle) ndis.Status {
	return ndis.StatusPending // PENDING
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCloseAfCompleteHandler: clDropPartyComplete, // MISMATCH
	ClDeleteVcHandler:        clDeleteVc,
}
`

func TestCommand(t *testing.T) {
	tool := buildTool(t)
	wellformed, err := os.ReadFile(filepath.Join("testdata", "wellformed", "client.go"))
	if err != nil {
		t.Fatal(err)
	}
	dir := scratch(t, map[string]string{
		"fixable/fixable.go":       fixable,
		"issue/issue.go":           issue,
		"wellformed/wellformed.go": string(wellformed),
	})

	out, code := runIn(t, dir, tool, "./...")
	if code != 3 {
		t.Errorf("ndislint ./...: exit %d, want 3\n%s", code, out)
	}
	checkIssue(t, out)
	if fs := findingsIn(out, "wellformed/"); len(fs) != 0 {
		t.Errorf("the well-formed client is reported:\n%s", strings.Join(fs, "\n"))
	}
	for _, rule := range []string{"role-undeclared", "role-missing-handler"} {
		if !hasRule(findingsIn(out, "fixable/"), rule) {
			t.Errorf("want %s in fixable/, got:\n%s", rule, out)
		}
	}

	// -fix applies both fixes; the result builds and lints clean.
	if err := os.RemoveAll(filepath.Join(dir, "issue")); err != nil {
		t.Fatal(err)
	}
	if out, code := runIn(t, dir, tool, "-fix", "./..."); code != 0 && code != 3 {
		t.Fatalf("ndislint -fix: exit %d\n%s", code, out)
	}
	fixed, err := os.ReadFile(filepath.Join(dir, "fixable", "fixable.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"//ndis:role PROTOCOL_CL_CLOSE_AF_COMPLETE\nfunc clCloseAfComplete", "a.open = false // closed", "clCloseAfComplete, // the AF",
		"ClCloseCallCompleteHandler:", "func protocolClCloseCallComplete(status ndis.Status, protocolVcContext ndis.Handle, protocolPartyContext ndis.Handle) {",
		"CoAfRegisterNotifyHandler: protocolCoAfRegisterNotify", "//ndis:role PROTOCOL_CL_INCOMING_CALL\n"} {
		if !strings.Contains(string(fixed), want) {
			t.Errorf("fixed file lacks %q:\n%s", want, fixed)
		}
	}
	if out, code := runIn(t, dir, "go", "build", "./..."); code != 0 {
		t.Fatalf("go build after -fix: exit %d\n%s", code, out)
	}
	if out, code := runIn(t, dir, "go", "vet", "./..."); code != 0 {
		t.Errorf("go vet after -fix: exit %d\n%s", code, out)
	}
	if out, code := runIn(t, dir, tool, "./..."); code != 0 {
		t.Errorf("ndislint after -fix: exit %d, want 0 (clean)\n%s", code, out)
	}
}

// checkIssue checks the issue's two cases: each reported once, at its line,
// by the right rule.
func checkIssue(t *testing.T, out string) {
	t.Helper()
	fs := findingsIn(out, "issue/issue.go")
	mismatch := lineOf(issue, "// MISMATCH")
	pending := lineOf(issue, "// PENDING")
	var gotMismatch, gotPending int
	for _, f := range fs {
		switch {
		case strings.Contains(f, ":"+mismatch+":") && strings.HasSuffix(f, "(role-mismatch)") &&
			strings.Contains(f, "PROTOCOL_CL_DROP_PARTY_COMPLETE") && strings.Contains(f, "PROTOCOL_CL_CLOSE_AF_COMPLETE"):
			gotMismatch++
		case strings.Contains(f, ":"+pending+":") && strings.HasSuffix(f, "(vc-delete-handler-pends)"):
			gotPending++
		default:
			t.Errorf("unexpected finding in issue/: %s", f)
		}
	}
	if gotMismatch != 1 || gotPending != 1 {
		t.Errorf("want one role-mismatch at line %s and one vc-delete-handler-pends at line %s, got %d and %d:\n%s",
			mismatch, pending, gotMismatch, gotPending, out)
	}
}

// buildTool builds cmd/ndislint into a temporary directory.
func buildTool(t *testing.T) string {
	t.Helper()
	tool := filepath.Join(t.TempDir(), "ndislint")
	cmd := exec.Command("go", "build", "-o", tool, "../../cmd/ndislint")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building ndislint: %v\n%s", err, out)
	}
	return tool
}

// scratch writes a module requiring this repository through a replace.
func scratch(t *testing.T, files map[string]string) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files["go.mod"] = "module example.com/scratch\n\ngo 1.26\n\nrequire github.com/ndislint/ndislint v0.0.0\n\nreplace github.com/ndislint/ndislint => " + root + "\n"
	files["go.sum"] = string(sum)
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// runIn runs a command in dir and returns its combined output and exit
// status.
func runIn(t *testing.T, dir, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return buf.String(), exit.ExitCode()
	case err != nil:
		t.Fatalf("running %s: %v", name, err)
	}
	return buf.String(), 0
}

var findingRE = regexp.MustCompile(`^(\S+\.go):\d+:\d+: [^\t]`)

// findingsIn returns the diagnostics (not their related lines) of output
// whose file path contains part.
func findingsIn(out, part string) []string {
	var fs []string
	for _, l := range strings.Split(out, "\n") {
		if m := findingRE.FindStringSubmatch(l); m != nil && strings.Contains(filepath.ToSlash(m[1]), part) {
			fs = append(fs, l)
		}
	}
	return fs
}

func hasRule(fs []string, rule string) bool {
	for _, f := range fs {
		if strings.HasSuffix(f, "("+rule+")") {
			return true
		}
	}
	return false
}

// lineOf returns the 1-based line of src holding marker, as a string.
func lineOf(src, marker string) string {
	for i, l := range strings.Split(src, "\n") {
		if strings.Contains(l, marker) {
			return strconv.Itoa(i + 1)
		}
	}
	return "?"
}
