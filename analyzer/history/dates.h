#pragma once
// The history's dates are the core's (core/dates.h), named in this namespace for brevity.
#include "core/dates.h"

namespace rh::history {
using rh::iso_utc;
using rh::kSecondsPerDay;
using rh::kSecondsPerMonth;
using rh::parse_iso_date;
using rh::whole_days;
using rh::whole_months;
using rh::within_months;
}  // namespace rh::history
