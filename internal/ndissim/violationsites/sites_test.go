package violationsites_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

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

// budget bounds the whole of TestEverySiteReached (the load of the
// runtime's packages and the coverage run), so that a machine too loaded to
// finish, or a runtime test that hangs, fails it with a message instead of
// holding CI until go test's own timeout. On a loaded 2-core machine the
// coverage run takes about 10 s when the instrumented packages are in the
// build cache, and about 50 s when they must be compiled while other
// packages' tests run beside it.
const budget = 110 * time.Second

// loaded caches the violation sites: the two tests of the package share
// one load of the runtime's packages.
var loaded struct {
	once  sync.Once
	sites []violationsites.Site
	err   error
}

// deadline returns a context that ends after budget, or sooner when the
// test binary's own deadline (go test -timeout) leaves less, with a margin
// to report.
func deadline(t *testing.T) (context.Context, context.CancelFunc) {
	end := time.Now().Add(budget)
	if d, ok := t.Deadline(); ok && d.Add(-10*time.Second).Before(end) {
		end = d.Add(-10 * time.Second)
	}
	return context.WithDeadline(context.Background(), end)
}

// findSites returns the runtime's violation sites, failing the test if
// there are none (the scanner would then prove nothing).
func findSites(t *testing.T, ctx context.Context) []violationsites.Site {
	t.Helper()
	loaded.once.Do(func() {
		start := time.Now()
		loaded.sites, loaded.err = violationsites.Find(ctx, root, runtimePkgs...)
		if ctx.Err() != nil {
			loaded.err = fmt.Errorf("loading the runtime's packages (%s) did not finish in %v: %v", strings.Join(runtimePkgs, " "), time.Since(start).Round(time.Second), loaded.err)
		}
	})
	sites, err := loaded.sites, loaded.err
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
	ctx, cancel := deadline(t)
	defer cancel()
	for _, s := range findSites(t, ctx) {
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
	ctx, cancel := deadline(t)
	defer cancel()
	sites := findSites(t, ctx)
	prof := coverProfile(t, ctx)
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
// packages and reads the profile. The run stops with ctx: the go command
// and the test binaries it started are interrupted (killProcessTree), and
// the test fails saying so, with the end of their output. Vet is off (the
// runtime is vetted on its own) and staticTests are skipped: they run no
// driver (a static analysis of a test file), so they reach no site; one
// that did would fail this check, not pass it.
// staticTests are the runtime's tests that analyse its sources
// statically and run nothing (about 20 s of type-checking from source):
// the coverage run skips them.
const staticTests = "^TestCompletionParityStatic$"

func coverProfile(t *testing.T, ctx context.Context) violationsites.Profile {
	t.Helper()
	out := filepath.Join(t.TempDir(), "cover.out")
	args := []string{"test", "-skip=" + staticTests, "-vet=off", "-covermode=set", "-coverprofile=" + out, "-coverpkg=" + strings.Join(runtimePkgs, ",")}
	if d, ok := ctx.Deadline(); ok {
		// A runtime test that hangs panics with its goroutines before the
		// context ends, so the output says where it hung.
		if left := time.Until(d) - 5*time.Second; left > 0 {
			args = append(args, "-timeout="+left.Round(time.Second).String())
		}
	}
	args = append(args, runtimeTests...)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOFLAGS=")
	killProcessTree(cmd)
	cmd.WaitDelay = 10 * time.Second
	var b bytes.Buffer
	cmd.Stdout, cmd.Stderr = &b, &b
	start := time.Now()
	runErr := cmd.Run()
	took := time.Since(start).Round(time.Second)
	if ctx.Err() != nil {
		t.Fatalf("go %s did not finish in %v and was stopped (an overloaded machine, or a runtime test that hangs); its output ends:\n%s", strings.Join(args, " "), took, tail(b.String(), 4000))
	}
	t.Logf("go test with coverage took %v", took)
	var exit *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exit) {
		t.Fatalf("go %s: %v", strings.Join(args, " "), runErr)
	}
	if runErr != nil {
		// A failing runtime test fails its own package; the profile of the
		// tests that ran still says which sites they reached.
		t.Logf("go %s: %v\n%s", strings.Join(args, " "), runErr, b.String())
	}
	prof, err := violationsites.ReadProfile(out)
	if err != nil {
		t.Fatalf("no coverage profile (go test: %v): %v", runErr, err)
	}
	return prof
}

// tail returns the last n bytes of s.
func tail(s string, n int) string {
	if s == "" {
		return "(no output)"
	}
	if len(s) <= n {
		return s
	}
	return "..." + s[len(s)-n:]
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
