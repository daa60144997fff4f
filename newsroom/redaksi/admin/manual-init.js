// Decap waits for redaksi.js, which registers our format and locale first.
window.CMS_MANUAL_INIT = true;
