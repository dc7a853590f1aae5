package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"
)

// staticcheckModule is the staticcheck the harness installs: a version
// that builds with Go 1.26.
const staticcheckModule = "honnef.co/go/tools/cmd/staticcheck@v0.8.2"

// staticcheckVersion is what that staticcheck's -version prints.
const staticcheckVersion = "0.8.2"

// toolNames are the tools the harness knows, in their default order.
var toolNames = []string{"ndislint", "noop", "govet", "staticcheck"}

// binaries holds the paths of the built and installed tools.
type binaries struct {
	ndislint, noop, staticcheck string
}

// A tool is one of the compared commands.
type tool struct {
	name string
	// argv returns the command line for a run over pattern; round makes
	// go vet's result cache miss (see vetNonce).
	argv func(b binaries, pattern string, round int) []string
	// ok reports whether an exit status is expected.
	ok func(code int) bool
	// freshCache gives each run an empty STATICCHECK_CACHE.
	freshCache bool
}

// tools returns the tool definitions by name.
func tools() map[string]tool {
	return map[string]tool{
		"ndislint": {
			name: "ndislint",
			argv: func(b binaries, p string, _ int) []string { return []string{b.ndislint, "-json", p} },
			// 3: findings (the seeded corpus has some); 0: none, or -json.
			ok: func(code int) bool { return code == 0 || code == 3 },
		},
		"noop": {
			name: "noop",
			argv: func(b binaries, p string, _ int) []string { return []string{b.noop, p} },
			ok:   func(code int) bool { return code == 0 },
		},
		"govet": {
			name: "go vet",
			argv: func(_ binaries, p string, round int) []string {
				return []string{"go", "vet", vetNonce(round), p}
			},
			ok: func(code int) bool { return code == 0 },
		},
		"staticcheck": {
			name: "staticcheck",
			argv: func(b binaries, p string, _ int) []string { return []string{b.staticcheck, p} },
			// 1: it reported something; the timing stands.
			ok:         func(code int) bool { return code == 0 || code == 1 },
			freshCache: true,
		},
	}
}

// vetNonce is a harmless vet flag whose value differs per run. Since Go
// 1.26 the go command caches vet results (a re-run over unchanged packages
// only replays them); the flag is part of the vet action's cache key, so
// each measured run analyses every package again, while compiled packages
// and export data still come from the warm build cache.
//
// The value is unique per run (process, start time, a counter), not only
// per round: a value reused for another size would find the standard
// library's vet results of the earlier run cached.
func vetNonce(round int) string {
	return fmt.Sprintf("-printf.funcs=ndislintbench%d_%d_%d_%d", os.Getpid(), startTime.UnixNano(), round, vetRuns.Add(1))
}

// startTime and vetRuns make vetNonce unique.
var (
	startTime = time.Now()
	vetRuns   atomic.Int64
)

// buildTools builds ndislint and bench/noop from the repository at root
// into dir and installs staticcheck into gobin (reused when it is there
// and is the right version). need says which tools are wanted.
func buildTools(ctx context.Context, root, dir, gobin string, need map[string]bool) (binaries, error) {
	b := binaries{
		ndislint:    filepath.Join(dir, "ndislint"),
		noop:        filepath.Join(dir, "noop"),
		staticcheck: filepath.Join(gobin, "staticcheck"),
	}
	if need["ndislint"] {
		if err := goCmd(ctx, root, nil, "build", "-o", b.ndislint, "./cmd/ndislint"); err != nil {
			return b, err
		}
	}
	if need["noop"] {
		if err := goCmd(ctx, root, nil, "build", "-o", b.noop, "./bench/noop"); err != nil {
			return b, err
		}
	}
	if need["staticcheck"] && !haveStaticcheck(ctx, b.staticcheck) {
		logf("installing %s into %s", staticcheckModule, gobin)
		if err := goCmd(ctx, root, []string{"GOBIN=" + gobin}, "install", staticcheckModule); err != nil {
			return b, err
		}
	}
	return b, nil
}

// haveStaticcheck reports whether path is the staticcheck wanted.
func haveStaticcheck(ctx context.Context, path string) bool {
	out, err := exec.CommandContext(ctx, path, "-version").Output()
	return err == nil && strings.Contains(string(out), staticcheckVersion)
}

// goCmd runs the go command in dir with extra environment.
func goCmd(ctx context.Context, dir string, env []string, args ...string) error {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go %s in %s: %v\n%s", strings.Join(args, " "), dir, err, out.Bytes())
	}
	return nil
}

// logf reports progress on stderr, so that stdout is only the table.
func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
}
