package generate

import (
	"os"
	"sort"
	"strings"

	"github.com/pkg/errors"
)

// pageRef is one page in scope and the package its entry belongs to.
type pageRef struct {
	Dir, ID, Package string
}

// scopePages lists the DDI and role pages in scope, sorted by ID.
func (g *gen) scopePages() (ddis, roles []pageRef, err error) {
	wdmDir := g.dir + "/wdm"
	excluded := map[string]bool{}
	for _, e := range g.o.Scope.Exclusions {
		if e.Reason == "" {
			return nil, nil, errors.Errorf("overlay scope: exclusion %s has no reason", e.Page)
		}
		excluded[e.Page] = true
	}
	// The prefixes select pages in the reference directory each names
	// (nf-nblapi- in nblapi/, the rest in ndis/).
	var refs []pageRef
	dirs := map[string]bool{}
	for _, p := range append(append([]string(nil), g.o.Scope.DDIPagePrefixes...), g.o.Scope.RolePagePrefixes...) {
		d := pageDir(p)
		if dirs[d] {
			continue
		}
		dirs[d] = true
		ids, err := pageIDs(g.dir + "/" + d)
		if err != nil {
			return nil, nil, err
		}
		for _, id := range ids {
			refs = append(refs, pageRef{Dir: g.dir + "/" + d, ID: id})
		}
	}
	sort.Slice(refs, func(i, j int) bool { return refs[i].ID < refs[j].ID })
	seen := map[string]bool{}
	add := func(list *[]pageRef, dir, id, pkg string) {
		if !seen[id] {
			seen[id] = true
			*list = append(*list, pageRef{Dir: dir, ID: id, Package: pkg})
		}
	}
	for _, r := range refs {
		if excluded[r.ID] {
			continue
		}
		if hasAnyPrefix(r.ID, g.o.Scope.DDIPagePrefixes) {
			add(&ddis, r.Dir, r.ID, "ndis")
		}
		if hasAnyPrefix(r.ID, g.o.Scope.RolePagePrefixes) {
			add(&roles, r.Dir, r.ID, "ndis")
		}
	}
	for _, id := range g.o.Scope.ExtraDDIs {
		add(&ddis, g.dir+"/"+pageDir(id), id, "ndis")
	}
	for _, id := range g.o.Scope.ExtraRoles {
		add(&roles, g.dir+"/"+pageDir(id), id, "ndis")
	}
	wdmIDs, err := pageIDs(wdmDir)
	if err != nil {
		return nil, nil, err
	}
	for _, id := range wdmIDs {
		add(&ddis, wdmDir, id, "wdm")
	}
	byID := func(l []pageRef) func(i, j int) bool { return func(i, j int) bool { return l[i].ID < l[j].ID } }
	sort.Slice(ddis, byID(ddis))
	sort.Slice(roles, byID(roles))
	return ddis, roles, nil
}

// pageIDs lists the .md files of dir without the extension, sorted.
func pageIDs(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, errors.Wrap(err, "reading the reference")
	}
	var ids []string
	for _, e := range ents {
		if n := e.Name(); strings.HasSuffix(n, ".md") && !e.IsDir() {
			ids = append(ids, strings.TrimSuffix(n, ".md"))
		}
	}
	sort.Strings(ids)
	return ids, nil
}

// hasAnyPrefix reports whether s starts with one of prefixes.
func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// pageDir is the reference directory of a page: the header its ID names
// (nf-nblapi-ndisfreenetbufferlist is in nblapi/). The model keeps every
// NDIS header's DDIs in package ndis.
func pageDir(id string) string {
	if f := strings.SplitN(id, "-", 3); len(f) == 3 {
		return f[1]
	}
	return "ndis"
}
