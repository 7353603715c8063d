/**
 * "Show my highlights on pages I revisit": off by default; turning it on asks for site access
 * (an optional permission) at that moment, and turning it off gives the access back.
 */
export const REVISIT_ORIGINS = ['http://*/*', 'https://*/*'];
export const REVISIT_SCRIPT_ID = 'margins-revisit';
export const REVISIT_SCRIPT_FILE = 'revisit.js';
