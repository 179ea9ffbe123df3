// The Parquet schema mapper (design step 5): import the component and its props from here.
export { Mapper, type MapperProps } from "./Mapper";
