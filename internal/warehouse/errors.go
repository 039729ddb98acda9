package warehouse

import "errors"

// ErrStale is returned (wrapped) by OpenReadOnly for a warehouse prepared with another SQL
// set that this program cannot use without writing to it.
var ErrStale = errors.New("warehouse prepared with another SQL set, cannot be brought up to date read-only")
