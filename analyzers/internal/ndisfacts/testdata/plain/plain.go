// Package plain has nothing to do with NDIS: no fact, nothing analysed.
package plain

import "fmt"

// Hello prints.
func Hello() { fmt.Println("hello") }
