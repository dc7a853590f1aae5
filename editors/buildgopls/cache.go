package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ndislint/ndislint/internal/goplscompat"
)

// patchVersion changes when what buildgopls does to gopls changes, so
// binaries cached by an older buildgopls are not reused.
const patchVersion = "1"

// cachePath is where the binary for key is kept:
// os.UserCacheDir()/ndislint-gopls/<key>/gopls.
func cachePath(key string) (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "ndislint-gopls", key, "gopls"), nil
}

// cacheKey hashes what the binary is made of: the gopls and Go versions,
// buildgopls's patch version, ndislint's go.mod and go.sum (which pin its
// dependencies), and the Go and embedded files of every package of this
// module the passes import, by path and content.
func cacheKey(root string, passes []goplscompat.Pass, goplsVersion, goVersion string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "gopls %s\ngo %s\npatch %s\n", goplsVersion, goVersion, patchVersion)
	files, err := moduleFiles(root, passes)
	if err != nil {
		return "", err
	}
	for _, f := range append([]string{filepath.Join(root, "go.mod"), filepath.Join(root, "go.sum")}, files...) {
		if err := hashFile(h, root, f); err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:24], nil
}

// moduleFiles lists, through go list -deps, the Go, cgo and embedded
// files of the packages of this module the passes import (themselves
// included).
func moduleFiles(root string, passes []goplscompat.Pass) ([]string, error) {
	const format = `{{if .Module}}{{if eq .Module.Path "` + goplscompat.Module + `"}}` +
		`{{range .GoFiles}}{{$.Dir}}/{{.}}{{"\n"}}{{end}}{{range .CgoFiles}}{{$.Dir}}/{{.}}{{"\n"}}{{end}}` +
		`{{range .EmbedFiles}}{{$.Dir}}/{{.}}{{"\n"}}{{end}}{{end}}{{end}}`
	args := []string{"list", "-deps", "-f", format}
	for _, p := range passes {
		args = append(args, p.ImportPath)
	}
	out, err := goOutput(root, args...)
	if err != nil {
		return nil, err
	}
	files := strings.Fields(out)
	sort.Strings(files)
	return files, nil
}

// hashFile writes p's path relative to root and its content to h.
func hashFile(h io.Writer, root, p string) error {
	rel, err := filepath.Rel(root, p)
	if err != nil {
		return err
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(rel), len(data))
	_, err = h.Write(data)
	return err
}
