package driver

import (
	"go/types"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// objKey keys an object fact.
type objKey struct {
	obj types.Object
	typ reflect.Type
}

// factStore holds the facts exported by the analysis of one package.
type factStore struct {
	obj map[objKey]analysis.Fact
	pkg map[reflect.Type]analysis.Fact
}

// factTable holds the fact stores of the packages analysed from source,
// by their types.Package, while an importer may still ask for them.
type factTable struct {
	mu     sync.RWMutex
	stores map[*types.Package]*factStore
}

// newFactTable returns an empty table.
func newFactTable() *factTable {
	return &factTable{stores: map[*types.Package]*factStore{}}
}

// add makes store the facts of pkg.
func (t *factTable) add(pkg *types.Package, store *factStore) {
	t.mu.Lock()
	t.stores[pkg] = store
	t.mu.Unlock()
}

// drop forgets pkg's facts.
func (t *factTable) drop(pkg *types.Package) {
	t.mu.Lock()
	delete(t.stores, pkg)
	t.mu.Unlock()
}

// store returns pkg's facts, or nil (a package read from export data, or
// one whose facts were dropped).
func (t *factTable) store(pkg *types.Package) *factStore {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.stores[pkg]
}

// importObject copies the fact of ptr's type about obj into ptr.
func (t *factTable) importObject(obj types.Object, ptr analysis.Fact) bool {
	if obj == nil || obj.Pkg() == nil {
		return false
	}
	s := t.store(obj.Pkg())
	if s == nil {
		return false
	}
	f, ok := s.obj[objKey{obj, reflect.TypeOf(ptr)}]
	if ok {
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
	}
	return ok
}

// importPackage copies the package fact of ptr's type about pkg into ptr.
func (t *factTable) importPackage(pkg *types.Package, ptr analysis.Fact) bool {
	s := t.store(pkg)
	if s == nil {
		return false
	}
	f, ok := s.pkg[reflect.TypeOf(ptr)]
	if ok {
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
	}
	return ok
}

// all returns the facts of the given types held for pkgs, in the order of
// pkgs (a package's object facts in no particular order).
func (t *factTable) all(pkgs []*types.Package, typs map[reflect.Type]bool) ([]analysis.ObjectFact, []analysis.PackageFact) {
	var objs []analysis.ObjectFact
	var pfs []analysis.PackageFact
	for _, p := range pkgs {
		s := t.store(p)
		if s == nil {
			continue
		}
		for k, f := range s.obj {
			if typs[k.typ] {
				objs = append(objs, analysis.ObjectFact{Object: k.obj, Fact: f})
			}
		}
		for typ, f := range s.pkg {
			if typs[typ] {
				pfs = append(pfs, analysis.PackageFact{Package: p, Fact: f})
			}
		}
	}
	return objs, pfs
}
