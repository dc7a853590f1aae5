package ndisapi

import (
	"go/token"
	"go/types"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// fakeNdis builds a package at the runtime's import path declaring
// CoDeleteVc and Handle.
func fakeNdis() (*types.Package, *types.Func) {
	pkg := types.NewPackage(NdisPath, "ndis")
	handle := types.NewNamed(types.NewTypeName(token.NoPos, pkg, "Handle", nil), types.NewInterfaceType(nil, nil), nil)
	pkg.Scope().Insert(handle.Obj())
	params := types.NewTuple(types.NewVar(token.NoPos, pkg, "ndisVcHandle", handle))
	fn := types.NewFunc(token.NoPos, pkg, "CoDeleteVc", types.NewSignatureType(nil, nil, nil, params, nil, false))
	pkg.Scope().Insert(fn)
	return pkg, fn
}

func TestNewBindsNothingWithoutTheRuntime(t *testing.T) {
	user := types.NewPackage("example.com/user", "user")
	user.SetImports([]*types.Package{types.NewPackage("fmt", "fmt")})
	api := New(user, catalogue(t))
	if api.Ndis != nil || api.Wdm != nil || len(api.ddis) != 0 || len(api.roles) != 0 {
		t.Fatalf("New(package without the runtime) bound something: %+v", api)
	}
}

// catalogue returns the embedded catalogue.
func catalogue(t *testing.T) *rules.Catalogue {
	t.Helper()
	c, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestIsRuntime(t *testing.T) {
	for path, want := range map[string]bool{
		NdisPath: true, WdmPath: true, NdisPath + "_test": true,
		"github.com/ndislint/ndislint/internal/kernel": true,
		"github.com/ndislint/ndislint/rules":           true,
		"github.com/ndislint/ndislint/ndistest":        false,
		"example.com/drv":                              false,
	} {
		if got := IsRuntime(path); got != want {
			t.Errorf("IsRuntime(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestDDIByObjectIdentity(t *testing.T) {
	nd, del := fakeNdis()
	user := types.NewPackage("example.com/user", "user")
	user.SetImports([]*types.Package{nd})
	api := New(user, catalogue(t))
	if d := api.DDI(del); d == nil || d.Name != "NdisCoDeleteVc" {
		t.Errorf("DDI(ndis.CoDeleteVc) = %v, want NdisCoDeleteVc", d)
	}
	// A function of the same name in another package is not the DDI.
	imposter := types.NewFunc(token.NoPos, user, "CoDeleteVc", del.Type().(*types.Signature))
	if d := api.DDI(imposter); d != nil {
		t.Errorf("DDI(user.CoDeleteVc) = %v, want nil: calls resolve by object, not by name", d.Name)
	}
	if !api.IsHandle(nd.Scope().Lookup("Handle").Type()) {
		t.Error("IsHandle(ndis.Handle) = false")
	}
}
