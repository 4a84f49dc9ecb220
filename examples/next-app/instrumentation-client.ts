// Next runs this file in the page before it hydrates. In `next dev` the report client tells the
// terminal about calls to other origins the browser blocked (the page's direct call makes one), with
// the route that fixes it; a production build leaves it out.
// oxlint-disable-next-line import/no-unassigned-import -- imported for its effect: it wraps fetch and its kin
import '@sameorigin/next/report-client'
