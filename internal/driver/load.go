package driver

import (
	"bytes"
	"os"
	"strings"

	"github.com/pkg/errors"
	"golang.org/x/tools/go/packages"

	"github.com/ndislint/ndislint/internal/runtimepath"
)

// metadataMode is what the first load asks of the go command: the import
// graph, the files, and export data for every package (what a no-op
// multichecker also has the go command build).
const metadataMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedExportFile | packages.NeedModule |
	packages.NeedTypesSizes

// loadGraph lists patterns with their dependencies and returns the roots
// (the packages the patterns name; test mains left out) and every package
// of the graph by ID.
func loadGraph(cfg *Config, patterns []string) (roots []*packages.Package, all map[string]*packages.Package, err error) {
	pc := &packages.Config{
		Mode:       metadataMode,
		Dir:        cfg.Dir,
		Env:        cfg.Env,
		Tests:      cfg.Tests,
		BuildFlags: cfg.BuildFlags,
	}
	initial, err := packages.Load(pc, patterns...)
	if err != nil {
		return nil, nil, errors.Wrap(err, "loading packages")
	}
	all = map[string]*packages.Package{}
	packages.Visit(initial, nil, func(p *packages.Package) { all[p.ID] = p })
	for _, p := range initial {
		if !isTestMain(p) {
			roots = append(roots, p)
		}
	}
	return roots, all, nil
}

// isTestMain reports whether p is the generated main package of a test
// binary.
func isTestMain(p *packages.Package) bool {
	return p.Name == "main" && strings.HasSuffix(p.ID, ".test")
}

// sourceSet returns the IDs of the packages to analyse from source: the
// roots, and the dependencies that use the runtime (import ndis or wdm,
// directly or through other packages) or carry an //ndis: directive.
func sourceSet(roots []*packages.Package, all map[string]*packages.Package) map[string]bool {
	set := map[string]bool{}
	for _, r := range roots {
		set[r.ID] = true
	}
	memo := map[string]bool{}
	for id, p := range all {
		if !set[id] && !isTestMain(p) && matters(p, memo) {
			set[id] = true
		}
	}
	closeUpward(set, all)
	return set
}

// closeUpward adds to set every package that imports one in set, directly
// or not, so that no package read from export data depends on one
// type-checked from source (their types would differ). Only a run over the
// runtime's own module needs it: otherwise a package that imports one that
// matters matters itself.
func closeUpward(set map[string]bool, all map[string]*packages.Package) {
	for changed := true; changed; {
		changed = false
		for id, p := range all {
			if set[id] || isTestMain(p) {
				continue
			}
			for _, imp := range p.Imports {
				if set[imp.ID] {
					set[id], changed = true, true
					break
				}
			}
		}
	}
}

// matters reports whether dependency p is analysed by ndislint's passes:
// it is not the runtime, and it imports the runtime directly or not, or a
// file of it carries an //ndis: directive. The standard library never
// does.
func matters(p *packages.Package, memo map[string]bool) bool {
	if v, ok := memo[p.ID]; ok {
		return v
	}
	memo[p.ID] = false // cycles cannot occur; this also stops re-entry
	v := false
	switch {
	case p.Module == nil, runtimepath.IsRuntime(p.PkgPath):
	default:
		v = usesRuntime(p, memo) || hasDirective(p)
	}
	memo[p.ID] = v
	return v
}

// usesRuntime reports whether p imports ndis or wdm, or a package that
// matters.
func usesRuntime(p *packages.Package, memo map[string]bool) bool {
	for path, imp := range p.Imports {
		if runtimepath.ImportsRuntime(path) || runtimepath.ImportsRuntime(imp.PkgPath) || matters(imp, memo) {
			return true
		}
	}
	return false
}

// ndisDirective is what a file with an //ndis: directive contains.
var ndisDirective = []byte("//ndis:")

// hasDirective reports whether a Go file of p contains an //ndis:
// directive (a cheap byte search: a false match only costs analysing p).
func hasDirective(p *packages.Package) bool {
	for _, name := range p.GoFiles {
		data, err := os.ReadFile(name)
		if err == nil && bytes.Contains(data, ndisDirective) {
			return true
		}
	}
	return false
}
