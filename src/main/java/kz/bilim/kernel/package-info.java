/**
 * What every capability stands on and nothing else: who is asking ({@link kz.bilim.kernel.SignedIn},
 * {@link kz.bilim.kernel.Caller}, {@link kz.bilim.kernel.Role}), over how much of the country
 * ({@link kz.bilim.kernel.Scope}, {@link kz.bilim.kernel.CurrentScope}) and that scope as a SQL condition
 * ({@link kz.bilim.kernel.ScopeCondition}); what time it is ({@link kz.bilim.kernel.Almaty} and the one
 * {@link java.time.Clock} bean); one page of a list ({@link kz.bilim.kernel.Paged}); and the one shape of "no"
 * ({@link kz.bilim.kernel.Refusal}, {@link kz.bilim.kernel.Outcome}). It depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package kz.bilim.kernel;
