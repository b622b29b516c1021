package score

import (
	"fmt"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
)

// businessOwned is principle 2: a business owner is named and is not the IT
// owner (names compared trimmed and case-folded).
func businessOwned(_ *index, in *subject) (model.Result, string) {
	bo := strings.TrimSpace(in.BusinessOwner)
	switch {
	case bo == "":
		return model.Fail, "no business owner named"
	case fold(bo) == fold(in.ITOwner):
		return model.Warn, fmt.Sprintf("business owner %s is also the IT owner", bo)
	}
	if it := strings.TrimSpace(in.ITOwner); it != "" {
		return model.Pass, "business owner " + bo + ", IT owner " + it
	}
	return model.Pass, "business owner " + bo
}
