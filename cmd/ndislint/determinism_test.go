package main

import (
	"fmt"
	"testing"
)

// TestOutputIsDeterministic runs the command five times over one package of
// sixteen files with findings in each, in text and in JSON, and requires
// byte-identical output. go/packages parses a package's files concurrently
// and numbers them in the order they were parsed, so a pass that reported
// in token.Pos order (as the irql pass once did) or in map order printed
// the same findings in another order from one run to the next.
func TestOutputIsDeterministic(t *testing.T) {
	files := map[string]string{}
	for i := 1; i <= 16; i++ {
		files[fmt.Sprintf("drv/f%d.go", i)] = fmt.Sprintf(`package drv

import "github.com/ndislint/ndislint/ndis"

type ctx%[1]d struct{ lock ndis.SpinLock }

//ndis:role PROTOCOL_CL_CALL_CONNECTED
func connected%[1]d(protocolVcContext ndis.Handle) {
	c := protocolVcContext.(*ctx%[1]d)
	ndis.AcquireSpinLock(&c.lock)
	ndis.MSleep(10)
}
`, i)
	}
	dir := scratchModule(t, files)
	for _, args := range [][]string{{"./drv"}, {"-json", "./drv"}} {
		first := ndislint(t, dir, args...)
		if len(first.stdout)+len(first.stderr) < 1000 {
			t.Fatalf("ndislint %v: want findings in every file, got:\n%s", args, first)
		}
		for i := 2; i <= 5; i++ {
			r := ndislint(t, dir, args...)
			if r != first {
				t.Fatalf("ndislint %v: run %d differs from run 1:\n--- run 1:\n%s\n--- run %d:\n%s", args, i, first, i, r)
			}
		}
	}
}
