// Command buildgopls builds a gopls with ndislint's passes added to its
// analyzer list, so that editors show ndislint's findings as diagnostics.
//
// gopls has no plugin system. buildgopls fetches gopls's source through the
// go command (go mod download), copies it to a work directory, adds the
// passes that analyzers/suite/suite.go lists to gopls/internal/settings's
// analyzer list, requires this checkout of ndislint through a replace,
// keeps golang.org/x/tools at the version gopls pins, and runs go mod tidy
// and go build. It fails when gopls's source no longer has the shape the
// patch expects.
//
// Usage, from the ndislint checkout:
//
//	go run ./editors/buildgopls -o ~/bin/gopls-ndislint
//
// The built binary is cached under os.UserCacheDir()/ndislint-gopls, keyed
// by a hash of the gopls and Go versions and of the files of ndislint's
// packages that go into it; a
// second run with nothing changed only copies it. See docs/editors.md.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/ndislint/ndislint/internal/goplscompat"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("buildgopls: ")
	var opts options
	flag.StringVar(&opts.out, "o", "gopls", "path of the gopls binary to write")
	flag.StringVar(&opts.version, "gopls", "v0.23.0", "gopls version to build")
	flag.StringVar(&opts.root, "ndislint", "", "ndislint checkout to build with (default: the module containing the current directory)")
	flag.BoolVar(&opts.noCache, "nocache", false, "build even when the cache has a binary for these sources")
	flag.BoolVar(&opts.keep, "work", false, "keep the work directory and print its path")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: buildgopls [flags]\n\nBuilds gopls with ndislint's passes. Flags:\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(opts); err != nil {
		log.Fatal(err)
	}
}

// options are the command's flags.
type options struct {
	out     string // where the binary goes
	version string // gopls version
	root    string // ndislint checkout
	noCache bool   // ignore the cache
	keep    bool   // keep the work directory
}

// run builds (or takes from the cache) the patched gopls and copies it to
// opts.out.
func run(opts options) error {
	root, err := checkout(opts.root)
	if err != nil {
		return err
	}
	goVersion, err := goOutput("", "env", "GOVERSION")
	if err != nil {
		return err
	}
	passes, err := goplscompat.Passes(root)
	if err != nil {
		return err
	}
	key, err := cacheKey(root, passes, opts.version, goVersion)
	if err != nil {
		return err
	}
	cached, err := cachePath(key)
	if err != nil {
		return err
	}
	if _, err := os.Stat(cached); err == nil && !opts.noCache {
		log.Printf("using cached %s", cached)
		return install(cached, opts.out)
	}
	if err := build(root, passes, opts, cached); err != nil {
		return err
	}
	return install(cached, opts.out)
}

// install copies the binary to out, making out's directory if needed.
func install(binary, out string) error {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	return copyFile(binary, out, 0o755)
}
