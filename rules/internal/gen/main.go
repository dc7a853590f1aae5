// Command gen writes rules/catalogue.json from the NDIS reference pages and
// rules/overlay.json. Run it with `go generate ./rules`.
//
// Usage:
//
//	gen [-ddi DIR] [-overlay FILE] [-out FILE]
//
// By default it finds the module root (the nearest go.mod above the working
// directory) and reads <root>/../shared/ddi and <root>/rules/overlay.json,
// and writes <root>/rules/catalogue.json.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/pkg/errors"

	"github.com/ndislint/ndislint/rules/internal/generate"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "rules/internal/gen:", err)
		os.Exit(1)
	}
}

// run parses the flags and writes the catalogue.
func run() error {
	ddi := flag.String("ddi", "", "the reference directory (default <module root>/../shared/ddi)")
	overlay := flag.String("overlay", "", "the overlay (default <module root>/rules/overlay.json)")
	out := flag.String("out", "", "the output (default <module root>/rules/catalogue.json)")
	flag.Parse()
	root, err := generate.ModuleRoot()
	if err != nil {
		return err
	}
	if *ddi == "" {
		*ddi = filepath.Join(root, "..", "shared", "ddi")
	}
	if *overlay == "" {
		*overlay = filepath.Join(root, "rules", "overlay.json")
	}
	if *out == "" {
		*out = filepath.Join(root, "rules", "catalogue.json")
	}
	data, err := generate.Generate(*ddi, *overlay)
	if err != nil {
		return err
	}
	return errors.Wrap(os.WriteFile(*out, data, 0o644), "writing the catalogue")
}
