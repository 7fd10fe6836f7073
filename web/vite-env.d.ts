/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** '1' in the build the browser specs drive (scripts/build-specs-web.ts): window handles for them. */
  readonly VITE_TEST_HANDLES?: string;
}
