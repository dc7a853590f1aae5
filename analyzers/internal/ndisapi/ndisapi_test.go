package ndisapi

import (
	"go/token"
	"go/types"
	"testing"
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

func TestForSaysNothingWithoutTheRuntime(t *testing.T) {
	user := types.NewPackage("example.com/user", "user")
	user.SetImports([]*types.Package{types.NewPackage("fmt", "fmt")})
	api, err := For(user)
	if err != nil || api != nil {
		t.Fatalf("For(package without the runtime) = %v, %v; want nil, nil", api, err)
	}
}

func TestDDIByObjectIdentity(t *testing.T) {
	nd, del := fakeNdis()
	user := types.NewPackage("example.com/user", "user")
	user.SetImports([]*types.Package{nd})
	api, err := For(user)
	if err != nil || api == nil {
		t.Fatalf("For = %v, %v", api, err)
	}
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
