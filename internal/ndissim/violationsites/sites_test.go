package violationsites_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/internal/ndissim/violationsites"
	"github.com/ndislint/ndislint/rules"
)

// root is the module's root, from this package's directory.
const root = "../../.."

// runtimePkgs are the packages whose sources hold the violation sites.
var runtimePkgs = []string{"./internal/kernel", "./internal/ndissim", "./ndis", "./wdm"}

// runtimeTests are the packages whose tests must reach every site: the
// runtime's own (this package excluded: it would run itself).
var runtimeTests = []string{"./internal/kernel", "./internal/ndissim", "./ndis", "./wdm", "./ndistest", "./ndistest/testclient"}

// findSites returns the runtime's violation sites, failing the test if
// there are none (the scanner would then prove nothing).
func findSites(t *testing.T) []violationsites.Site {
	t.Helper()
	sites, err := violationsites.Find(root, runtimePkgs...)
	if err != nil {
		t.Fatal(err)
	}
	if len(sites) < 50 {
		t.Fatalf("found only %d violation sites in the runtime; the scanner lost them", len(sites))
	}
	return sites
}

// TestSiteRulesDeclared: every rule ID a violation site reports as a
// constant is declared in package rules (the verifier's registry or a
// static pass's).
func TestSiteRulesDeclared(t *testing.T) {
	for _, s := range findSites(t) {
		if s.Rule != violationsites.Dynamic && rules.LookupRule(s.Rule) == nil {
			t.Errorf("%s: rule %q is not declared in package rules", rel(s.File), s.Rule)
		}
	}
}

// TestEverySiteReached runs the runtime's tests with a coverage profile
// and fails naming each violation site no test reaches.
func TestEverySiteReached(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the runtime's tests with coverage (about a minute); skipped with -short")
	}
	sites := findSites(t)
	prof := coverProfile(t)
	var missed []violationsites.Site
	for _, s := range sites {
		if !prof.Reached(s) {
			missed = append(missed, s)
		}
	}
	t.Logf("%d violation sites, %d reached by the runtime's tests", len(sites), len(sites)-len(missed))
	for _, s := range missed {
		t.Errorf("%s:%d: %s(%s) is reached by no test of %s", rel(s.File), s.Line, s.Callee, s.Rule, strings.Join(runtimeTests, " "))
	}
}

// coverProfile runs the runtime's tests with coverage of the runtime's
// packages and reads the profile.
func coverProfile(t *testing.T) violationsites.Profile {
	t.Helper()
	out := filepath.Join(t.TempDir(), "cover.out")
	args := append([]string{"test", "-covermode=set", "-coverprofile=" + out, "-coverpkg=" + strings.Join(runtimePkgs, ",")}, runtimeTests...)
	cmd := exec.Command("go", args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOFLAGS=")
	b, runErr := cmd.CombinedOutput()
	if runErr != nil {
		// A failing runtime test fails its own package; the profile of the
		// tests that ran still says which sites they reached.
		t.Logf("go %s: %v\n%s", strings.Join(args, " "), runErr, b)
	}
	prof, err := violationsites.ReadProfile(out)
	if err != nil {
		t.Fatalf("no coverage profile (go test: %v): %v", runErr, err)
	}
	return prof
}

// rel names file relative to the module root.
func rel(file string) string {
	abs, err := filepath.Abs(root)
	if err != nil {
		return file
	}
	if r, err := filepath.Rel(abs, file); err == nil {
		return r
	}
	return file
}
