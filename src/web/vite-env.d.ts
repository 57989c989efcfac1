/// <reference types="vite/client" />
// Lets the web sources import CSS and other assets the way Vite bundles them.
