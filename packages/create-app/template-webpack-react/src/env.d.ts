// Stylesheets are imported for their effect: webpack adds them to the page.
declare module '*.css'
