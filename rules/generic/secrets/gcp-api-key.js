// ruleid: generic.secrets.gcp-api-key
const MAPS_KEY = "AIzaSyB3k9Qw7Er2Ty6Ui0Op4As8Df1Gh5Jk9Lz";
// ok: generic.secrets.gcp-api-key
const KEY_FROM_ENV = process.env.MAPS_KEY;
// ok: generic.secrets.gcp-api-key
const TOO_SHORT = "AIzaSyB3k9Qw7Er2";
