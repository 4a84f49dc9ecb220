// The virtual module the Nuxt module writes into Nitro's bundle (see runtime-options.ts).
declare module '#sameorigin/options' {
  const options: import('./runtime-options.ts').RuntimeOptions
  export default options
}
