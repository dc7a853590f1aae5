package golangci

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"
)

// recipe changes when the way the test builds the custom golangci-lint
// changes, so binaries cached by an older test are not reused.
const recipe = "1"

// gclModule is golangci-lint v2's module path.
const gclModule = "github.com/golangci/golangci-lint/v2"

// gclRepoURL is the repository `golangci-lint custom` clones.
const gclRepoURL = "https://github.com/golangci/golangci-lint.git"

// customName is the custom binary's name (its --name).
const customName = "golangci-lint-ndislint"

// repoRoot returns the ndislint checkout: the parent of this package.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, ".custom-gcl.yml")); err != nil {
		t.Fatal(err)
	}
	return root
}

// customBinary returns the custom golangci-lint built from root's
// .custom-gcl.yml, from the cache when the sources that go into it are
// unchanged, else built now (and cached).
func customBinary(t *testing.T, root string) string {
	t.Helper()
	version := customVersion(t, filepath.Join(root, ".custom-gcl.yml"))
	cache := cacheDir(t)
	env := goEnv(t)
	key := sourceKey(t, root, version)
	bin := filepath.Join(cache, "custom-"+key, customName)
	if _, err := os.Stat(bin); err == nil {
		t.Logf("cached custom golangci-lint %s", bin)
		return bin
	}
	src := moduleDir(t, env, version)
	gcl := golangciLint(t, env, cache, src, version)
	repo := gitRepo(t, cache, src, version)
	start := time.Now()
	tmp, err := os.MkdirTemp(cache, "custom-tmp-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	cmd := exec.Command(gcl, "custom", "-v", "--name", customName, "--destination", tmp)
	cmd.Dir = root // golangci-lint custom reads ./.custom-gcl.yml; its path "." is the checkout
	cmd.Env = append(env,
		"GIT_CONFIG_COUNT=1",
		"GIT_CONFIG_KEY_0=url.file://"+repo+".insteadOf",
		"GIT_CONFIG_VALUE_0="+gclRepoURL,
	)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("golangci-lint custom: %v\n%s", err, out)
	}
	t.Logf("golangci-lint custom: %s", time.Since(start).Round(time.Second))
	install(t, filepath.Join(tmp, customName), bin)
	pruneCustom(t, cache, filepath.Dir(bin))
	return bin
}

// pruneCustom removes the custom binaries of other sources from cache
// (each is some 70 MB), keeping keep.
func pruneCustom(t *testing.T, cache, keep string) {
	t.Helper()
	old, err := filepath.Glob(filepath.Join(cache, "custom-*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range old {
		if dir != keep && !strings.HasPrefix(filepath.Base(dir), "custom-tmp-") {
			os.RemoveAll(dir)
		}
	}
}

// runCustom runs the custom golangci-lint in root on ./examples/... with
// config and returns its findings. Its cache is a new directory, so no
// issues of an earlier binary are replayed.
func runCustom(t *testing.T, bin, root, config string) []finding {
	t.Helper()
	out := filepath.Join(t.TempDir(), "issues.json")
	cmd := lintCommand(t, bin, root, "--config", config, "--output.json.path", out, "./examples/...")
	start := time.Now()
	log, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) { // 1: issues found
		t.Fatalf("%s run: %v\n%s", customName, err, log)
	}
	t.Logf("%s run: %s", customName, time.Since(start).Round(time.Millisecond))
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("%v\n%s", err, log)
	}
	return parseIssues(t, data)
}

// runFailing runs the custom golangci-lint as runCustom does and returns
// its combined output and error, for a configuration it should refuse.
func runFailing(t *testing.T, bin, root, config string) (string, error) {
	t.Helper()
	out, err := lintCommand(t, bin, root, "--config", config, "./examples/...").CombinedOutput()
	return string(out), err
}

// lintCommand is `bin run ARGS` in root, with a new golangci-lint cache.
func lintCommand(t *testing.T, bin, root string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"run"}, args...)...)
	cmd.Dir = root
	cmd.Env = append(goEnv(t), "GOLANGCI_LINT_CACHE="+t.TempDir())
	return cmd
}

// customVersion reads the golangci-lint version (the top-level version
// key) from a .custom-gcl.yml.
func customVersion(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "version:"); ok {
			return strings.Trim(strings.TrimSpace(v), `"'`)
		}
	}
	t.Fatalf("%s: no version", path)
	return ""
}

// cacheDir returns os.UserCacheDir()/ndislint-golangci, created.
func cacheDir(t *testing.T) string {
	t.Helper()
	dir, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	dir = filepath.Join(dir, "ndislint-golangci")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// goEnv is the environment of every command the test runs: the go
// command's own toolchain only (no toolchain download), no workspace,
// modules from the proxy the go command is set up with (the only network
// the build needs), and no VCS stamping (golangci-lint's clone is a git
// repository; its stamp would say nothing).
func goEnv(t *testing.T) []string {
	t.Helper()
	proxy := goOutput(t, nil, "", "env", "GOPROXY")
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "GOFLAGS", "GOTOOLCHAIN", "GOWORK", "GOPROXY":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "GOFLAGS=-buildvcs=false", "GOTOOLCHAIN=local", "GOWORK=off", "GOPROXY="+proxy)
}

// moduleDir returns the module cache's copy of golangci-lint at version,
// downloaded through the proxy if it is not there.
func moduleDir(t *testing.T, env []string, version string) string {
	t.Helper()
	out := goOutput(t, env, "", "mod", "download", "-json", gclModule+"@"+version)
	var m struct{ Dir, Error string }
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("go mod download: %v", err)
	}
	if m.Error != "" || m.Dir == "" {
		t.Fatalf("go mod download %s@%s: %s", gclModule, version, m.Error)
	}
	return m.Dir
}

// golangciLint returns a golangci-lint built from src (the module cache's
// copy), cached under cache by version and Go version.
func golangciLint(t *testing.T, env []string, cache, src, version string) string {
	t.Helper()
	bin := filepath.Join(cache, "golangci-lint-"+version+"-"+runtime.Version(), "golangci-lint")
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	tmp := bin + ".tmp"
	goOutput(t, env, src, "build", "-o", tmp, "./cmd/golangci-lint") // no -trimpath: golangci-lint custom builds without it, and shares the compiled dependencies
	t.Logf("go build golangci-lint %s: %s", version, time.Since(start).Round(time.Second))
	install(t, tmp, bin)
	return bin
}

// gitRepo returns a git repository made from src, golangci-lint's source
// at version, with one commit tagged version: what `golangci-lint custom`
// clones, through a url.insteadOf, instead of github. It is made once,
// under cache.
func gitRepo(t *testing.T, cache, src, version string) string {
	t.Helper()
	repo := filepath.Join(cache, "golangci-lint-"+version+".git")
	if _, err := os.Stat(filepath.Join(repo, "refs", "tags", version)); err == nil {
		return repo
	}
	tmp, err := os.MkdirTemp(cache, "git-tmp-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	git := func(args ...string) {
		cmd := exec.Command("git", append([]string{"--git-dir=" + tmp, "--work-tree=" + src}, args...)...)
		if args[0] == "init" { // git init takes no work tree with a bare repository
			cmd = exec.Command("git", append(args, tmp)...)
		}
		cmd.Env = append(os.Environ(),
			"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull,
			"GIT_AUTHOR_NAME=ndislint", "GIT_AUTHOR_EMAIL=ndislint@invalid",
			"GIT_COMMITTER_NAME=ndislint", "GIT_COMMITTER_EMAIL=ndislint@invalid",
		)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	git("init", "--bare", "-q")
	git("add", "--all", "--force", ".") // --force: the module's .gitignore files must not drop sources
	git("commit", "-q", "-m", gclModule+" "+version+" from the module cache")
	git("tag", version)
	os.RemoveAll(repo) // a partial one from an interrupted run
	if err := os.Rename(tmp, repo); err != nil {
		t.Fatal(err)
	}
	return repo
}

// sourceKey hashes what the custom binary is made of: the test's recipe,
// the golangci-lint and Go versions, .custom-gcl.yml, go.mod and go.sum,
// and the Go files of every package of this module the plugin imports.
func sourceKey(t *testing.T, root, version string) string {
	t.Helper()
	h := sha256.New()
	fmt.Fprintf(h, "recipe %s\ngolangci-lint %s\ngo %s\n", recipe, version, runtime.Version())
	const format = `{{if .Module}}{{if eq .Module.Path "github.com/ndislint/ndislint"}}` +
		`{{range .GoFiles}}{{$.Dir}}/{{.}}{{"\n"}}{{end}}{{range .CgoFiles}}{{$.Dir}}/{{.}}{{"\n"}}{{end}}` +
		`{{range .EmbedFiles}}{{$.Dir}}/{{.}}{{"\n"}}{{end}}{{end}}{{end}}`
	files := strings.Fields(goOutput(t, nil, root, "list", "-deps", "-f", format, "./golangci"))
	sort.Strings(files)
	for _, name := range []string{".custom-gcl.yml", "go.mod", "go.sum"} {
		files = append(files, filepath.Join(root, name))
	}
	for _, f := range files {
		hashFile(t, h, root, f)
	}
	return hex.EncodeToString(h.Sum(nil))[:24]
}

// hashFile writes f's path relative to root and its content to h.
func hashFile(t *testing.T, h io.Writer, root, f string) {
	t.Helper()
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(h, "%s %d\n", relTo(t, root, f), len(data))
	h.Write(data)
}

// install moves the built binary tmp to dst, creating dst's directory.
func install(t *testing.T, tmp, dst string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, dst); err != nil {
		t.Fatal(err)
	}
}

// goOutput runs the go command in dir with env (nil: the test's own) and
// returns its trimmed standard output.
func goOutput(t *testing.T, env []string, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = env
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return strings.TrimSpace(string(out))
}
