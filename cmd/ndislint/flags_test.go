package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/internal/sarifvalidate"
)

// fixableSrc has a finding with a suggested fix (role-undeclared: the
// declaration of the role is inserted) and one without (vc-delete-cm-vc).
const fixableSrc = `package fixable

import "github.com/ndislint/ndislint/ndis"

type vc struct{ ndisVcHandle ndis.Handle }

func clCloseAfComplete(status ndis.Status, protocolAfContext ndis.Handle) {}

func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &vc{ndisVcHandle: ndisVcHandle}
	return ndis.StatusSuccess
}

func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if status == ndis.StatusSuccess {
		ndis.CoDeleteVc(v.ndisVcHandle)
	}
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCloseAfCompleteHandler:   clCloseAfComplete,
	ClCreateVcHandler:          clCreateVc,
	ClCloseCallCompleteHandler: clCloseCallComplete,
}
`

// rulesIn returns the rule IDs of text output's findings.
func rulesIn(out string) map[string]int {
	m := map[string]int{}
	for _, f := range findings(out) {
		m[ruleOf(f)]++
	}
	return m
}

// TestChecks: -checks selects rules in staticcheck's syntax, standalone
// and under go vet; a bad term is one clear line and exit 1.
func TestChecks(t *testing.T) {
	dir := scratchModule(t, map[string]string{"fixable/fixable.go": fixableSrc})
	all := rulesIn(ndislint(t, dir, "./...").stderr)
	if all["vc-delete-cm-vc"] != 1 || all["role-undeclared"] == 0 {
		t.Fatalf("want vc-delete-cm-vc and role-undeclared by default, got %v", all)
	}
	for _, c := range []struct {
		spec      string
		want, not string
	}{
		{"all,-role-undeclared", "vc-delete-cm-vc", "role-undeclared"},
		{"vc-*", "vc-delete-cm-vc", "role-undeclared"},
		{"-vc-delete-cm-vc", "role-undeclared", "vc-delete-cm-vc"},
	} {
		got := rulesIn(ndislint(t, dir, "-checks", c.spec, "./...").stderr)
		if got[c.want] == 0 || got[c.not] != 0 {
			t.Errorf("-checks %s: want %s and no %s, got %v", c.spec, c.want, c.not, got)
		}
		got = rulesIn(goVet(t, dir, "-checks="+c.spec, "./...").stderr)
		if got[c.want] == 0 || got[c.not] != 0 {
			t.Errorf("go vet -checks=%s: want %s and no %s, got %v", c.spec, c.want, c.not, got)
		}
	}
	r := ndislint(t, dir, "-checks", "all,-vc-delete-cm-v", "./...")
	if r.code != 1 || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 || !strings.Contains(r.stderr, "vc-delete-cm-vc") {
		t.Errorf("a misspelt rule: want exit 1 and one line suggesting the rule, got:\n%s", r)
	}
}

// TestFail: -fail decides which findings fail the run; the others are
// still printed.
func TestFail(t *testing.T) {
	dir := scratchModule(t, map[string]string{"fixable/fixable.go": fixableSrc})
	if r := ndislint(t, dir, "-fail", "vc-*", "./..."); r.code != 3 {
		t.Errorf("-fail vc-*: want exit 3, got:\n%s", r)
	}
	r := ndislint(t, dir, "-fail", "irql-*", "./...")
	if r.code != 0 || rulesIn(r.stderr)["vc-delete-cm-vc"] != 1 {
		t.Errorf("-fail irql-*: want exit 0 with the findings printed, got:\n%s", r)
	}
}

// TestFix: -fix applies the fixes, prints the findings it could not fix
// and exits 3; a second run finds only those.
func TestFix(t *testing.T) {
	dir := scratchModule(t, map[string]string{"fixable/fixable.go": fixableSrc})
	r := ndislint(t, dir, "-fix", "./...")
	got := rulesIn(r.stderr)
	if r.code != 3 || got["vc-delete-cm-vc"] != 1 || got["role-undeclared"] != 0 {
		t.Errorf("-fix: want exit 3 and only the unfixable vc-delete-cm-vc printed, got:\n%s", r)
	}
	src, err := os.ReadFile(filepath.Join(dir, "fixable", "fixable.go"))
	if err != nil {
		t.Fatal(err)
	}
	if string(src) == fixableSrc {
		t.Fatal("-fix left the file as it was")
	}
	r = ndislint(t, dir, "./...")
	if got := rulesIn(r.stderr); r.code != 3 || got["role-undeclared"] != 0 || got["vc-delete-cm-vc"] != 1 {
		t.Errorf("after -fix: want only vc-delete-cm-vc, got:\n%s", r)
	}
	twin := scratchModule(t, map[string]string{"twin/twin.go": seedTwin})
	if r := ndislint(t, twin, "-fix", "./..."); r.code != 0 || r.stderr != "" {
		t.Errorf("-fix on a clean package: want exit 0 and nothing printed, got:\n%s", r)
	}
}

// TestSummary: -summary gives each rule's class and the roles per
// package; a package that does not use the runtime makes every rule not
// applicable, so nothing passes silently.
func TestSummary(t *testing.T) {
	dir := scratchModule(t, map[string]string{"fixable/fixable.go": fixableSrc, "vetonly/vetonly.go": printfSrc})
	r := ndislint(t, dir, "-summary", "./fixable")
	for _, want := range []string{
		"vc-delete-cm-vc              defect 1",
		"vc-delete-handler-pends      not applicable (no ProtocolCoDeleteVc found)",
		"spinlock-free-held           not applicable (no NdisFreeSpinLock found)",
		"role-prototype               pass",
		"example.com/scratch/fixable: ProtocolClCloseAfComplete (clCloseAfComplete), ProtocolClCloseCallComplete (clCloseCallComplete), ProtocolCoCreateVc (clCreateVc)",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("-summary: want %q, got:\n%s", want, r)
		}
	}
	r = ndislint(t, dir, "-summary", "./vetonly")
	if r.code != 0 || strings.Contains(r.stdout, " pass\n") || !strings.Contains(r.stdout, "vc-delete-cm-vc              not applicable (no package uses the NDIS runtime)") {
		t.Errorf("-summary on a package without the runtime: want no rule passing, got:\n%s", r)
	}
	r = ndislint(t, dir, "-summary", "-checks", "-vc-delete-cm-vc", "-f", "json", "./fixable")
	var res struct {
		Summary struct {
			Rules []struct{ Rule, Status, Reason string }
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
		t.Fatalf("-f json -summary: %v\n%s", err, r)
	}
	found := false
	for _, rr := range res.Summary.Rules {
		found = found || rr.Rule == "vc-delete-cm-vc" && rr.Status == "not applicable" && rr.Reason == "disabled by -checks"
	}
	if !found {
		t.Errorf("-f json -summary: want vc-delete-cm-vc disabled by -checks, got:\n%s", r.stdout)
	}
}

// TestSARIF: -f sarif over the examples names each finding's rule, and
// Microsoft's sarif-multitool validates it with no error and no warning.
func TestSARIF(t *testing.T) {
	root := repoRoot(t)
	text := findings(ndislint(t, root, "./examples/...").stderr)
	r := ndislint(t, root, "-f", "sarif", "-summary", "./examples/...")
	var log struct {
		Runs []struct {
			Results []struct{ RuleID string }
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("-f sarif: want one run, got %v:\n%s", err, r)
	}
	var main int
	for _, f := range text {
		if !strings.HasPrefix(f.message, "\t") {
			main++
		}
	}
	if len(log.Runs[0].Results) != main || main == 0 {
		t.Errorf("-f sarif: %d results, text output has %d findings", len(log.Runs[0].Results), main)
	}
	for _, res := range log.Runs[0].Results {
		if res.RuleID == "" || res.RuleID == "ndislint" {
			t.Errorf("result with ruleId %q", res.RuleID)
		}
	}
	tool, ok, required := sarifvalidate.Tool()
	switch {
	case !ok && required:
		t.Fatalf("CI is set but %s is not: .ci/run installs @microsoft/sarif-multitool", sarifvalidate.EnvTool)
	case !ok:
		t.Skipf("%s is not set: the SARIF is not validated", sarifvalidate.EnvTool)
	}
	in := filepath.Join(t.TempDir(), "examples.sarif")
	if err := os.WriteFile(in, []byte(r.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := sarifvalidate.Validate(tool, in, in+".validation")
	if err != nil {
		t.Fatal(err)
	}
	for _, issue := range rep.Issues {
		t.Errorf("sarif-multitool: %s", issue)
	}
}

// TestVersion: -version names the module version.
func TestVersion(t *testing.T) {
	r := ndislint(t, ".", "-version")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "ndislint (devel)") && !strings.HasPrefix(r.stdout, "ndislint v") {
		t.Errorf("-version: got:\n%s", r)
	}
}

// TestHelpFlags: help lists ndislint's own flags and none of x/tools'
// generic ones.
func TestHelpFlags(t *testing.T) {
	r := ndislint(t, ".", "help")
	for _, want := range []string{"-checks", "-fail", "-summary", "-f string", "-show-ignored", "-version"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("help does not list %s", want)
		}
	}
	for _, not := range []string{"Printf", "deprecated", "-debug", "-diff"} {
		if strings.Contains(r.stdout, not) {
			t.Errorf("help shows %q:\n%s", not, r.stdout)
		}
	}
}
