package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/ndislint/ndislint/internal/goplscompat"
)

// goplsModule is gopls's module path.
const goplsModule = "golang.org/x/tools/gopls"

// toolsModule is the x/tools module path, which gopls pins.
const toolsModule = "golang.org/x/tools"

// checkout returns the ndislint module root: dir if set, else the module
// containing the current directory, which must be ndislint.
func checkout(dir string) (string, error) {
	if dir == "" {
		gomod, err := goOutput("", "env", "GOMOD")
		if err != nil {
			return "", err
		}
		if gomod == "" || gomod == os.DevNull {
			return "", fmt.Errorf("not in a module: run from the ndislint checkout or give -ndislint")
		}
		dir = filepath.Dir(gomod)
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	mod, err := goOutput(dir, "list", "-m")
	if err != nil {
		return "", err
	}
	if mod != goplscompat.Module {
		return "", fmt.Errorf("%s is module %s, not %s", dir, mod, goplscompat.Module)
	}
	return dir, nil
}

// build makes the patched gopls and writes it to dst.
func build(root string, passes []goplscompat.Pass, opts options, dst string) error {
	src, err := downloadGopls(opts.version)
	if err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "ndislint-gopls-")
	if err != nil {
		return err
	}
	if opts.keep {
		log.Printf("work directory: %s", work)
	} else {
		defer os.RemoveAll(work)
	}
	if err := copyTree(src, work); err != nil {
		return err
	}
	if err := patchAnalyzers(filepath.Join(work, filepath.FromSlash(analysisFile)), passes); err != nil {
		return err
	}
	if err := editGoMod(work, root); err != nil {
		return err
	}
	log.Printf("building gopls %s with %d passes in %s", opts.version, len(passes), work)
	if _, err := goOutput(work, "mod", "tidy"); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	tmp := dst + ".tmp"
	if _, err := goOutput(work, "build", "-trimpath", "-o", tmp, "."); err != nil {
		return err
	}
	return os.Rename(tmp, dst)
}

// downloadGopls fetches gopls's module source through the go command and
// returns its directory in the module cache.
func downloadGopls(version string) (string, error) {
	out, err := goOutput("", "mod", "download", "-json", goplsModule+"@"+version)
	if err != nil {
		return "", err
	}
	var m struct{ Dir, Error string }
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		return "", fmt.Errorf("go mod download: %v", err)
	}
	if m.Error != "" || m.Dir == "" {
		return "", fmt.Errorf("go mod download %s@%s: %s", goplsModule, version, m.Error)
	}
	return m.Dir, nil
}

// editGoMod makes the gopls module in work require ndislint from root and
// keeps x/tools at the version gopls requires (ndislint's own requirement
// is newer, and minimal version selection would take it).
func editGoMod(work, root string) error {
	tools, replaced, err := toolsVersion(work)
	if err != nil {
		return err
	}
	args := []string{"mod", "edit",
		"-require=" + goplscompat.Module + "@v0.0.0",
		"-replace=" + goplscompat.Module + "=" + root,
	}
	if !replaced {
		args = append(args, "-replace="+toolsModule+"="+toolsModule+"@"+tools)
	}
	_, err = goOutput(work, args...)
	return err
}

// toolsVersion reads the x/tools version gopls's go.mod requires, and
// whether it already replaces x/tools (then that replace is kept).
func toolsVersion(work string) (version string, replaced bool, err error) {
	out, err := goOutput(work, "mod", "edit", "-json")
	if err != nil {
		return "", false, err
	}
	type mod struct{ Path, Version string }
	var gm struct {
		Require []mod
		Replace []struct{ Old, New mod }
	}
	if err := json.Unmarshal([]byte(out), &gm); err != nil {
		return "", false, fmt.Errorf("go mod edit -json: %v", err)
	}
	for _, r := range gm.Replace {
		if r.Old.Path == toolsModule {
			replaced = true
		}
	}
	for _, r := range gm.Require {
		if r.Path == toolsModule {
			return r.Version, replaced, nil
		}
	}
	return "", false, fmt.Errorf("gopls's go.mod does not require %s: its shape changed", toolsModule)
}

// goOutput runs the go command in dir with workspaces off and module
// edits allowed, and returns its trimmed standard output. Its error carries
// the standard error.
func goOutput(dir string, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return strings.TrimSpace(string(out)), nil
}

// copyTree copies the regular files under src to dst, writable (the
// module cache's copies are read-only).
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		return copyFile(p, target, 0o644)
	})
}

// copyFile copies src to dst with the given permissions, through a
// temporary file renamed into place.
func copyFile(src, dst string, perm os.FileMode) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	tmp := dst + ".part"
	if err := os.WriteFile(tmp, data, perm); err != nil {
		return err
	}
	if err := os.Chmod(tmp, perm); err != nil {
		return err
	}
	return os.Rename(tmp, dst)
}
