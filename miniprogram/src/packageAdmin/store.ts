import type { ServiceView } from '@shared/schemas/admin'
import type { VenueView } from '@shared/schemas/venue'

/**
 * What the list pages last loaded, so an edit page opens at once with the item filled in (there is no GET of a
 * single service or venue); an edit page opened on its own (H5 reload) loads the list again.
 */
const services = new Map<string, ServiceView>()
const venues = new Map<string, VenueView>()

export function rememberServices(list: ServiceView[]): void {
  services.clear()
  list.forEach((s) => services.set(s.id, s))
}

export function rememberedService(id: string | undefined): ServiceView | undefined {
  return id ? services.get(id) : undefined
}

export function rememberedServices(): ServiceView[] | undefined {
  return services.size > 0 ? [...services.values()] : undefined
}

export function rememberVenues(list: VenueView[]): void {
  venues.clear()
  list.forEach((v) => venues.set(v.id, v))
}

export function rememberedVenue(id: string | undefined): VenueView | undefined {
  return id ? venues.get(id) : undefined
}

/** Edited or created: the list page refreshes when it shows again anyway; keep the cache in step meanwhile. */
export function rememberService(service: ServiceView): void {
  services.set(service.id, service)
}

export function rememberVenue(venue: VenueView): void {
  venues.set(venue.id, venue)
}
