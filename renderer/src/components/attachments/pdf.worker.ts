// pdf.js's own worker, bundled with the app (worker-src falls back to script-src 'self'): PDF
// parsing runs here, never on the window's thread. Loading the module starts its handler.
import 'pdfjs-dist/build/pdf.worker.min.mjs';
