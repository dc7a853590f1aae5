package rules_test

import (
	"fmt"

	"github.com/ndislint/ndislint/rules"
)

// The catalogue's size by family; rules/doc.go quotes these numbers.
func ExampleCatalogue_Summary() {
	c, err := rules.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("ddis", len(c.DDIs), "roles", len(c.Roles), "structs", len(c.Structs), "lifetimes", len(c.Lifetimes), "exclusions", len(c.Exclusions))
	for _, fc := range c.Summary() {
		family := fc.Family
		if family == "" {
			family = "-"
		}
		fmt.Println(fc.Kind, family, fc.Count)
	}
	// Output:
	// ddis 308 roles 114 structs 10 lifetimes 9 exclusions 39
	// ddi condis-client 12
	// ddi condis-cm 18
	// ddi condis-common 7
	// ddi condis-mcm 22
	// ddi condis-miniport 6
	// ddi config 7
	// ddi device 2
	// ddi event 9
	// ddi file 4
	// ddi filter 22
	// ddi im 5
	// ddi interfaces 11
	// ddi irql 6
	// ddi list 3
	// ddi lock 21
	// ddi memory 9
	// ddi miniport 58
	// ddi mutex 3
	// ddi nbl 33
	// ddi protocol 22
	// ddi string 9
	// ddi system 7
	// ddi timer 4
	// ddi wait 5
	// ddi workitem 3
	// lifetime - 9
	// role condis-client 15
	// role condis-cm 13
	// role condis-common 8
	// role condis-miniport 6
	// role filter 21
	// role interfaces 2
	// role miniport 33
	// role nbl 2
	// role protocol 12
	// role timer 1
	// role workitem 1
	// struct - 10
}
