package rules_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/ndislint/ndislint/rules/internal/generate"
)

// TestGenerateIsDeterministic runs the generator in-process and compares its
// output byte for byte with the committed catalogue.json.
func TestGenerateIsDeterministic(t *testing.T) {
	ref := refDir(t)
	want, err := os.ReadFile("catalogue.json")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		got, err := generate.Generate(ref, "overlay.json")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("run %d: the generator's output differs from the committed catalogue.json: run go generate ./rules", i+1)
		}
	}
}
